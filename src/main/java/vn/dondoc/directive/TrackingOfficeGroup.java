package vn.dondoc.directive;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Camunda group of the tracking office (Văn phòng), who review reports and decide extensions: it
 * exists from the first start, before any review task names it.
 */
@Component
class TrackingOfficeGroup implements SmartInitializingSingleton {

	static final String ROLE_TYPE = "ROLE";

	private final IdentityService identity;

	TrackingOfficeGroup(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (identity.createGroupQuery().groupId(DirectiveProcess.GROUP_TRACKING_OFFICE).singleResult() == null) {
			Group group = identity.newGroup(DirectiveProcess.GROUP_TRACKING_OFFICE);
			group.setName("Văn phòng theo dõi, đôn đốc");
			group.setType(ROLE_TYPE);
			identity.saveGroup(group);
		}
	}

}
