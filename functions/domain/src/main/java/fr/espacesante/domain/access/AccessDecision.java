package fr.espacesante.domain.access;

/** The outcome of one access request: allowed or not, under which rule, and why (French). */
public record AccessDecision(boolean allowed, AccessRule rule, String reason) {

    static AccessDecision allow(AccessRule rule) {
        return new AccessDecision(true, rule, rule.label());
    }

    static AccessDecision refuse(AccessRule rule) {
        return new AccessDecision(false, rule, rule.label());
    }
}
