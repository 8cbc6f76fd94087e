package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AstronomyTest {

	@Test
	void newMoonMatchesMeeusWorkedExample() {
		// Meeus, Astronomical Algorithms, example 49.a: the new moon of February 1977, k = -283,
		// JDE 2443192.65118 (1977 February 18, 3h37m42s TD)
		assertThat(Astronomy.trueNewMoon(-283)).isCloseTo(2443192.65118, within(0.00001));
	}

	@Test
	void solarLongitudeMatchesMeeusWorkedExample() {
		// Meeus example 25.a: 1992 October 13.0 TD, apparent longitude 199°54'32" (199.9089°)
		assertThat(Astronomy.apparentSolarLongitude(2448908.5)).isCloseTo(199.9089, within(0.001));
	}

	@Test
	void findsTheDecember2023SolsticeWithinMinutes() {
		// the December solstice of 2023 was at 03:27 UTC on 22 December (published almanacs)
		double jdUt = Astronomy.toUniversalTime(Astronomy.solarLongitudeReached(270.0, 2460300.0));
		LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.round((jdUt - 2440587.5) * 86400), 0, ZoneOffset.UTC);
		assertThat(utc).isBetween(LocalDateTime.of(2023, 12, 22, 3, 12), LocalDateTime.of(2023, 12, 22, 3, 42));
	}

	@Test
	void deltaTFollowsTheEspenakMeeusFits() {
		assertThat(Astronomy.deltaTSeconds(2000)).isCloseTo(63.86, within(0.01));
		assertThat(Astronomy.deltaTSeconds(1900)).isCloseTo(-2.79, within(0.01));
		assertThat(Astronomy.deltaTSeconds(2100)).isBetween(150.0, 250.0);
	}

	@Test
	void newMoonOfJanuary2023FallsOnTheVietnameseNewYear() {
		// the new moon of 21 January 2023 20:53 UTC is 22 January 03:53 at UTC+7: Tết Quý Mão
		long k = Astronomy.lunationNear(2459966.0);
		assertThat(LocalDate.ofEpochDay(LunarCalendar.newMoonDay(k))).isEqualTo(LocalDate.of(2023, 1, 22));
	}
}
