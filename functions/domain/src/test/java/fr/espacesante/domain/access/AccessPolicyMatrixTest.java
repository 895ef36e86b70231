package fr.espacesante.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.espacesante.domain.access.AccessRequest.Action;
import fr.espacesante.domain.access.Actor.Caregiver;
import fr.espacesante.domain.access.Actor.LegalRepresentative;
import fr.espacesante.domain.access.Actor.Operator;
import fr.espacesante.domain.access.Actor.Patient;
import fr.espacesante.domain.access.Actor.Professional;
import fr.espacesante.domain.access.Actor.Service;
import fr.espacesante.domain.support.InMemoryAccessHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorisation matrix: every actor kind × every condition of the rules × every resource kind
 * (and document flag) × read/write. The expected outcome of each case is written from the product
 * sentences (PRODUCT.md, "Who may see what"), as facts about the case, not by calling the policy.
 */
class AccessPolicyMatrixTest {

    private static final String OWNER = "owner";
    private static final String PARENT = "parent";
    private static final String CAREGIVER = "caregiver";
    private static final String TREATING = "10000000001";
    private static final String CONSENTED = "10000000002";
    private static final String STRANGER = "10000000003";
    private static final String AUTHOR = "10000000004";
    private static final String BLOCKED_TREATING = "10000000005";

    /** An actor of the matrix and the facts about them that the product sentences talk about. */
    private record Who(String label, Actor actor, Optional<String> justification) {
    }

    private record Case(Who who, boolean closed, boolean emergencyEnabled, Resource resource, Action action) {
        String name() {
            return who.label + (closed ? " | espace fermé" : "") + " | urgence " + (emergencyEnabled ? "on" : "off")
                    + " | " + describe(resource) + " | " + action;
        }
    }

    private final InMemoryAccessHistory history = new InMemoryAccessHistory();
    private final SpaceAccessGuard guard = new SpaceAccessGuard(new AccessPolicy(), history,
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    private static List<Who> actors() {
        String reason = "Patient inconscient aux urgences, antécédents requis";
        return List.of(
                new Who("patient titulaire", new Patient(OWNER), Optional.empty()),
                new Who("autre patient", new Patient("someone-else"), Optional.empty()),
                new Who("représentant légal", new LegalRepresentative(PARENT), Optional.empty()),
                new Who("autre parent", new LegalRepresentative("other-parent"), Optional.empty()),
                new Who("aidant désigné", new Caregiver(CAREGIVER, "Aidant Désigné"), Optional.empty()),
                new Who("aidant d'un autre patient", new Caregiver("other-caregiver", "Autre Aidant"), Optional.empty()),
                new Who("médecin traitant", pro(TREATING, false), Optional.empty()),
                new Who("professionnel consenti", pro(CONSENTED, false), Optional.empty()),
                new Who("urgentiste justifié", pro(STRANGER, true), Optional.of(reason)),
                new Who("urgentiste sans justification", pro(STRANGER, true), Optional.of("urgent")),
                new Who("hors urgence avec justification", pro(STRANGER, false), Optional.of(reason)),
                new Who("professionnel sans lien", pro(STRANGER, false), Optional.empty()),
                new Who("auteur sans autre lien", pro(AUTHOR, false), Optional.empty()),
                new Who("médecin traitant bloqué", pro(BLOCKED_TREATING, false), Optional.empty()),
                new Who("professionnel sans RPPS", new Professional(null, "Dr Sans Numéro", "medecin", true),
                        Optional.of(reason)),
                new Who("RPPS mal formé", new Professional("12345", "Dr Court", "medecin", false), Optional.empty()),
                new Who("service connecté", new Service("suivi-poids", "Suivi Poids", "Prévention", true, true), Optional.empty()),
                new Who("service hors autorisation", new Service("suivi-poids", "Suivi Poids", "Prévention", true, false),
                        Optional.empty()),
                new Who("service suspendu", new Service("suivi-poids", "Suivi Poids", "Prévention", false, true), Optional.empty()),
                new Who("opérateur", new Operator("042"), Optional.empty()));
    }

    private static Professional pro(String rpps, boolean emergencySetting) {
        return new Professional(rpps, "Dr " + rpps, "medecin", emergencySetting);
    }

    private static List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (Resource.Kind kind : Resource.Kind.values()) {
            if (kind != Resource.Kind.DOCUMENT) {
                resources.add(Resource.of(kind));
            }
        }
        resources.add(Resource.profile(true));
        for (String professional : new String[] {AUTHOR, BLOCKED_TREATING}) {
            resources.add(Resource.conversation(professional, false));
            resources.add(Resource.conversation(professional, true));
        }
        for (String author : new String[] {null, AUTHOR, BLOCKED_TREATING}) {
            for (int flags = 0; flags < 8; flags++) {
                resources.add(Resource.document(author, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0));
            }
        }
        return resources;
    }

    private static List<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        for (Who who : actors()) {
            for (boolean closed : new boolean[] {false, true}) {
                for (boolean emergencyEnabled : new boolean[] {true, false}) {
                    for (Resource resource : resources()) {
                        for (Action action : Action.values()) {
                            cases.add(new Case(who, closed, emergencyEnabled, resource, action));
                        }
                    }
                }
            }
        }
        return cases;
    }

    /** The product sentences, as facts of the case. Null rule = refused for lack of any authorisation. */
    private static Expected expected(Case c) {
        Resource r = c.resource();
        boolean document = r.kind() == Resource.Kind.DOCUMENT;
        boolean patientOnly = r.kind() == Resource.Kind.SETTINGS || r.kind() == Resource.Kind.ACCESS_HISTORY
                || r.kind() == Resource.Kind.LIFECYCLE || r.kind() == Resource.Kind.CAREGIVERS || r.kind() == Resource.Kind.EXPORT
                || r.kind() == Resource.Kind.SERVICES;
        boolean consentRegistry = r.kind() == Resource.Kind.CONSENT;
        Actor actor = c.who().actor();

        // "Operators never see health data."
        if (actor instanceof Operator) {
            return Expected.refused(AccessRule.NO_HEALTH_DATA_FOR_OPERATORS);
        }
        // "A closed space: no professional can read or deposit; the patient can still see that it is closed and
        // reopen it" — and the parent acting for a minor, who may close it for them.
        boolean ownerSide = actor instanceof Patient p && p.personKey().equals(OWNER)
                || actor instanceof LegalRepresentative p2 && p2.personKey().equals(PARENT);
        if (c.closed() && !(ownerSide && r.kind() == Resource.Kind.LIFECYCLE)) {
            return Expected.refused(AccessRule.SPACE_CLOSED);
        }
        // "A caregiver reads and adds documents (later profile, agenda, messages); cannot close or delete the
        // space, export it, manage who has access, hide or delete documents, or name other caregivers."
        if (actor instanceof Caregiver caregiver) {
            if (!caregiver.personKey().equals(CAREGIVER)) {
                return Expected.refused(AccessRule.NO_AUTHORISATION);
            }
            // ... but connects a service of the catalogue for the person they help (revoking is the patient's).
            if (patientOnly && r.kind() != Resource.Kind.SERVICES || consentRegistry || c.action() == Action.WRITE) {
                return Expected.refused(AccessRule.BEYOND_CAREGIVER);
            }
            return document && r.heldBackFromPatient() ? Expected.refused(AccessRule.HELD_BACK)
                    : Expected.allowed(AccessRule.CAREGIVER);
        }
        // "A connected service reads and writes what the patient allowed, while it is online in the catalogue;
        // never the patient's own business, conversations, nor a document held back or hidden."
        if (actor instanceof Service service) {
            if (!service.online()) {
                return Expected.refused(AccessRule.SERVICE_UNAVAILABLE);
            }
            if (patientOnly || consentRegistry || r.kind() == Resource.Kind.MESSAGES) {
                return Expected.refused(AccessRule.PATIENT_ONLY);
            }
            if (!service.permitted()) {
                return Expected.refused(AccessRule.OUTSIDE_SERVICE_GRANT);
            }
            if (document && r.heldBackFromPatient()) {
                return Expected.refused(AccessRule.HELD_BACK);
            }
            if ((document || r.kind() == Resource.Kind.PROFILE) && r.hiddenByPatient()) {
                return Expected.refused(AccessRule.HIDDEN_BY_PATIENT);
            }
            return Expected.allowed(AccessRule.SERVICE_CATALOGUE);
        }
        // "The patient sees everything in their space, except documents a professional still holds back."
        if (actor instanceof Patient p) {
            boolean isOwner = p.personKey().equals(OWNER);
            if (!isOwner) {
                return Expected.refused(AccessRule.NO_AUTHORISATION);
            }
            return document && r.heldBackFromPatient() ? Expected.refused(AccessRule.HELD_BACK) : Expected.allowed(AccessRule.OWNER);
        }
        // "A parent acting for a minor, except documents flagged hidden from legal representatives" (nor held back).
        if (actor instanceof LegalRepresentative p) {
            if (!p.personKey().equals(PARENT)) {
                return Expected.refused(AccessRule.NO_AUTHORISATION);
            }
            if (document && r.heldBackFromPatient()) {
                return Expected.refused(AccessRule.HELD_BACK);
            }
            return (document || r.kind() == Resource.Kind.MESSAGES) && r.hiddenFromLegalRepresentatives()
                    ? Expected.refused(AccessRule.HIDDEN_FROM_REPRESENTATIVES) : Expected.allowed(AccessRule.LEGAL_REPRESENTATIVE);
        }
        Professional pro = (Professional) actor;
        // Identity claims are re-checked: no 11-digit RPPS (or no profession), no access at all.
        if (pro.rpps() == null || !pro.rpps().matches("[0-9]{11}")) {
            return Expected.refused(AccessRule.UNVERIFIED_PROFESSIONAL);
        }
        boolean blocked = pro.rpps().equals(BLOCKED_TREATING);
        boolean treating = pro.rpps().equals(TREATING) || pro.rpps().equals(BLOCKED_TREATING);
        boolean consented = pro.rpps().equals(CONSENTED);
        boolean isAuthor = document && pro.rpps().equals(r.authorRpps());
        boolean conversation = r.kind() == Resource.Kind.MESSAGES;
        boolean isParticipant = conversation && pro.rpps().equals(r.authorRpps());
        boolean asksEmergency = pro.emergencySetting() && c.who().justification().isPresent();
        boolean justified = c.who().justification().map(j -> j.length() >= 10).orElse(false);

        // "A blocked professional is refused everything, whatever else applies."
        if (blocked) {
            return Expected.refused(AccessRule.BLOCKED);
        }
        // "A professional authorised by the patient's consent recorded at the point of care": the professional records it.
        if (consentRegistry && c.action() == Action.WRITE) {
            return Expected.allowed(AccessRule.CONSENT_DECLARATION);
        }
        // Settings, consents and the access history are otherwise the patient's own business.
        if (patientOnly || consentRegistry) {
            return Expected.refused(AccessRule.PATIENT_ONLY);
        }
        // "Professionals read the profile; they do not write into it (they write documents)."
        if (r.kind() == Resource.Kind.PROFILE && c.action() != Action.READ) {
            return Expected.refused(AccessRule.PROFILE_BY_PATIENT);
        }
        // "A document's author always sees it."
        if (isAuthor) {
            return Expected.allowed(AccessRule.DOCUMENT_AUTHOR);
        }
        // "A conversation stays with the professional it is held with" (unless blocked, above).
        if (isParticipant) {
            return Expected.allowed(AccessRule.CONVERSATION_PARTICIPANT);
        }
        AccessRule grant = treating ? AccessRule.TREATING_DOCTOR
                : consented ? AccessRule.CONSENT
                : asksEmergency && c.emergencyEnabled() && justified ? AccessRule.EMERGENCY : null;
        if (grant == null) {
            if (asksEmergency && !c.emergencyEnabled()) {
                return Expected.refused(AccessRule.EMERGENCY_DISABLED);
            }
            if (asksEmergency && !justified) {
                return Expected.refused(AccessRule.EMERGENCY_WITHOUT_JUSTIFICATION);
            }
            return Expected.refused(AccessRule.NO_AUTHORISATION);
        }
        // "A document or profile section the patient hid is refused to professionals except its author and the treating doctor."
        if ((document || r.kind() == Resource.Kind.PROFILE) && r.hiddenByPatient() && grant != AccessRule.TREATING_DOCTOR) {
            return Expected.refused(AccessRule.HIDDEN_BY_PATIENT);
        }
        return Expected.allowed(grant);
    }

    private record Expected(boolean allowed, AccessRule rule) {
        static Expected allowed(AccessRule rule) {
            return new Expected(true, rule);
        }

        static Expected refused(AccessRule rule) {
            return new Expected(false, rule);
        }
    }

    private AccessDecision decide(Case c) {
        SpaceAccess space = new SpaceAccess(OWNER, Set.of(PARENT), treatingOf(c), Set.of(CONSENTED),
                Set.of(BLOCKED_TREATING), c.emergencyEnabled(), c.closed(), Set.of(CAREGIVER));
        return guard.check(new AccessRequest(c.who().actor(), space, c.resource(), c.action(), c.who().justification()),
                describe(c.resource()));
    }

    /** The blocked professional is also the designated treating doctor: blocking wins. */
    private static String treatingOf(Case c) {
        return c.who().actor() instanceof Professional p && BLOCKED_TREATING.equals(p.rpps()) ? BLOCKED_TREATING : TREATING;
    }

    @TestFactory
    Stream<DynamicTest> every_case_of_the_matrix() {
        return matrix().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            AccessDecision decision = decide(c);
            Expected expected = expected(c);
            assertThat(decision.allowed()).as("allowed").isEqualTo(expected.allowed());
            assertThat(decision.rule()).as("rule").isEqualTo(expected.rule());
            assertThat(decision.reason()).isEqualTo(decision.rule().label());
            // Every decision, allowed or refused, is in the space's access history with its rule.
            AccessEntry recorded = history.entries.getLast();
            assertThat(recorded.spaceKey()).isEqualTo(OWNER);
            assertThat(recorded.ruleId()).isEqualTo(expected.rule().id());
            assertThat(recorded.allowed()).isEqualTo(expected.allowed());
            assertThat(recorded.action()).isEqualTo(c.action().name());
            assertThat(recorded.justification().isPresent()).isEqualTo(expected.rule() == AccessRule.EMERGENCY);
        }));
    }

    @Test
    void the_matrix_covers_every_rule_and_prints_its_size() {
        Map<AccessRule, int[]> byRule = new EnumMap<>(AccessRule.class);
        int allowed = 0;
        List<Case> cases = matrix();
        for (Case c : cases) {
            AccessDecision decision = decide(c);
            byRule.computeIfAbsent(decision.rule(), r -> new int[1])[0]++;
            allowed += decision.allowed() ? 1 : 0;
        }
        assertThat(byRule.keySet()).containsExactlyInAnyOrder(AccessRule.values());
        StringBuilder summary = new StringBuilder("access matrix: " + cases.size() + " cases, " + allowed + " allowed, "
                + (cases.size() - allowed) + " refused;");
        byRule.forEach((rule, n) -> summary.append(' ').append(rule.id()).append('=').append(n[0]));
        System.out.println(summary);
    }

    private static String describe(Resource r) {
        if (r.kind() == Resource.Kind.MESSAGES && r.authorRpps() != null) {
            return "MESSAGES interlocuteur=" + r.authorRpps() + (r.hiddenFromLegalRepresentatives() ? " masqué-représentants" : "");
        }
        if (r.kind() != Resource.Kind.DOCUMENT) {
            return r.kind().name() + (r.hiddenByPatient() ? " masqué" : "");
        }
        return "DOCUMENT auteur=" + r.authorRpps() + (r.heldBackFromPatient() ? " retenu" : "")
                + (r.hiddenByPatient() ? " masqué" : "") + (r.hiddenFromLegalRepresentatives() ? " masqué-représentants" : "");
    }
}
