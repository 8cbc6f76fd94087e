package vn.dondoc.directive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled import the documents of {@code config/directives/} at start-up
 * @param rebaseToToday shift those documents' dates so that each was issued today, so that a new user
 * sees future deadlines and reminders going out
 */
@ConfigurationProperties("dondoc.demo")
public record DemoSettings(boolean enabled, boolean rebaseToToday) {
}
