package vn.dondoc.unit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.dondoc.platform.ConfigFile;

/**
 * The units of {@code config/units.yml}: look-ups by code, group references ({@code @quan-uy-huyen-uy})
 * expanded to their units, and the escalation chain. Read once at start-up; a file with any problem
 * stops the start-up with every problem listed.
 */
@Service
public class UnitDirectory {

	private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);

	/** Documents name a group of units as {@code @<group>}. */
	public static final String GROUP_PREFIX = "@";

	private final Map<String, Unit> units;

	private final Map<String, List<String>> groups;

	private final Map<String, List<String>> aliases;

	private final String origin;

	public UnitDirectory(UnitSettings settings) {
		ConfigFile file = ConfigFile.read(settings.file())
			.orElseThrow(() -> new InvalidUnitFileException(settings.file().toAbsolutePath().toString(),
					List.of("the file does not exist (set dondoc.unit.file)")));
		UnitFile.Contents contents = UnitFile.parse(file.origin(), file.text());
		this.units = contents.units();
		this.groups = contents.groups();
		this.aliases = contents.aliases();
		this.origin = file.origin();
		log.info("Units: {} units and {} groups from {}", units.size(), groups.size(), origin);
	}

	public Collection<Unit> all() {
		return units.values();
	}

	public Optional<Unit> find(String code) {
		return Optional.ofNullable(code == null ? null : units.get(code));
	}

	/** The unit's name, or the code itself when no unit has it (what a person reads in its place). */
	public String nameOf(String code) {
		return find(code).map(Unit::name).orElse(code);
	}

	public boolean exists(String code) {
		return units.containsKey(code);
	}

	public Map<String, List<String>> groups() {
		return groups;
	}

	/**
	 * How documents write units and groups, by unit code or {@code @group}: each unit's name, then its
	 * {@code aliases} ("UBKT Thành ủy"), and each group's {@code groupAliases} ("các quận ủy, huyện ủy").
	 */
	public Map<String, List<String>> names() {
		Map<String, List<String>> names = new LinkedHashMap<>();
		for (Unit unit : units.values()) {
			List<String> forms = new ArrayList<>();
			forms.add(unit.name());
			forms.addAll(aliases.getOrDefault(unit.code(), List.of()));
			names.put(unit.code(), List.copyOf(forms));
		}
		aliases.forEach((reference, phrases) -> {
			if (reference.startsWith(GROUP_PREFIX)) {
				names.put(reference, phrases);
			}
		});
		return names;
	}

	/** Where the directory was read from. */
	public String origin() {
		return origin;
	}

	/**
	 * Unit codes and {@code @group} references, expanded to unit codes in order, without duplicates.
	 *
	 * @throws IllegalArgumentException naming the first reference that is neither a unit nor a group
	 */
	public List<String> expand(List<String> references) {
		Set<String> codes = new LinkedHashSet<>();
		for (String reference : references) {
			codes.addAll(expand(reference).orElseThrow(() -> new IllegalArgumentException("unknown unit or group '" + reference + "'")));
		}
		return new ArrayList<>(codes);
	}

	/** One unit code or {@code @group} as the unit codes it stands for; empty when it names nothing. */
	public Optional<List<String>> expand(String reference) {
		if (reference == null) {
			return Optional.empty();
		}
		String ref = reference.strip();
		if (ref.startsWith(GROUP_PREFIX)) {
			return Optional.ofNullable(groups.get(ref.substring(GROUP_PREFIX.length())));
		}
		return units.containsKey(ref) ? Optional.of(List.of(ref)) : Optional.empty();
	}

	/** The units above {@code code}, nearest first (Văn phòng, then Thường trực…). */
	public List<Unit> escalationChain(String code) {
		List<Unit> chain = new ArrayList<>();
		Unit unit = units.get(code);
		while (unit != null && unit.escalatesTo() != null) {
			unit = units.get(unit.escalatesTo());
			if (unit == null || chain.contains(unit)) {
				break;
			}
			chain.add(unit);
		}
		return chain;
	}

}
