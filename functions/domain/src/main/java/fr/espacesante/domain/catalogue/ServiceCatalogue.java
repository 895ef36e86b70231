package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.catalogue.CatalogueException.Reason;
import fr.espacesante.domain.catalogue.port.out.Catalogue;
import fr.espacesante.domain.text.TypedText;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue of referenced services: loaded by an operator from the referential shipped with the
 * project (never hard-coded), searched by patients by category and free text (case and accents
 * ignored), suspended or dereferenced by an operator — every change audited. A loaded entry that
 * asks for more data than before gets a new version: grants accepted on an older one keep only
 * what they accepted until the patient re-approves ({@link Grant#effective}).
 */
public final class ServiceCatalogue {

    /** The catalogue's categories, as the search filters offer them. */
    public static final List<String> CATEGORIES = List.of("prevention", "suivi-parcours-de-soins", "dispositifs-connectes",
            "bien-etre", "handicap-et-autonomie", "sante-mentale", "maladies-chroniques");
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    /** What a load did: entries created, changed (texts or state), asking for more (new version), unchanged. */
    public record LoadReport(int created, int changed, int newVersions, int unchanged) {
    }

    public record Page(List<ReferencedService> services, int total) {
    }

    private final Catalogue catalogue;
    private final Clock clock;

    public ServiceCatalogue(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Loads the referential: every entry checked first, then each one stored with its audit line. */
    public LoadReport load(String operator, List<ReferencedService> entries) {
        Set<String> ids = new HashSet<>();
        for (ReferencedService entry : entries) {
            check(entry);
            if (!ids.add(entry.serviceId())) {
                throw new CatalogueException(Reason.INVALID_ENTRY, "Identifiant en double : " + entry.serviceId() + ".");
            }
        }
        Instant now = clock.instant();
        int created = 0;
        int changed = 0;
        int newVersions = 0;
        int unchanged = 0;
        for (ReferencedService entry : entries) {
            Optional<ReferencedService> known = catalogue.find(entry.serviceId());
            if (known.isEmpty()) {
                catalogue.save(new ReferencedService(entry.serviceId(), entry.name(), entry.editor(), entry.description(),
                        entry.categories(), entry.state(), entry.purposes(), 1, now), new Catalogue.Change(entry.serviceId(), now,
                        operator, "référencé", 1));
                created++;
            } else if (!known.get().asksTheSameAs(entry)) {
                long version = known.get().version() + 1;
                catalogue.save(new ReferencedService(entry.serviceId(), entry.name(), entry.editor(), entry.description(),
                        entry.categories(), kept(known.get(), entry).state(), entry.purposes(), version, now), new Catalogue.Change(entry.serviceId(), now,
                        operator, "données demandées modifiées", version));
                newVersions++;
            } else if (!sameTexts(known.get(), kept(known.get(), entry))) {
                ReferencedService k = known.get();
                ReferencedService.State state = kept(k, entry).state();
                catalogue.save(new ReferencedService(k.serviceId(), entry.name(), entry.editor(), entry.description(), entry.categories(),
                        state, k.purposes(), k.version(), k.changedAt()), new Catalogue.Change(k.serviceId(), now, operator,
                        "fiche mise à jour (" + state.name().toLowerCase(Locale.ROOT) + ")", k.version()));
                changed++;
            } else {
                unchanged++;
            }
        }
        return new LoadReport(created, changed, newVersions, unchanged);
    }

    public ReferencedService suspend(String operator, String serviceId) {
        return move(operator, serviceId, ReferencedService.State.SUSPENDED, "suspendu");
    }

    public ReferencedService dereference(String operator, String serviceId) {
        return move(operator, serviceId, ReferencedService.State.DEREFERENCED, "déréférencé");
    }

    public ReferencedService reinstate(String operator, String serviceId) {
        return move(operator, serviceId, ReferencedService.State.ONLINE, "remis en ligne");
    }

    public List<Catalogue.Change> changes(String serviceId) {
        find(serviceId);
        return catalogue.changes(serviceId);
    }

    /** What patients see: online services, by category and free text (name, editor, description), by name. */
    public Page search(Optional<String> category, Optional<String> text, int offset, int limit) {
        category.filter(c -> !CATEGORIES.contains(c)).ifPresent(c -> {
            throw new CatalogueException(Reason.UNKNOWN_CATEGORY);
        });
        List<String> words = text.map(t -> List.of(normalised(TypedText.line(t, "texte", 100)).split("\\s+"))).orElse(List.of());
        List<ReferencedService> found = catalogue.all().stream()
                .filter(s -> s.state() == ReferencedService.State.ONLINE)
                .filter(s -> category.map(s.categories()::contains).orElse(true))
                .filter(s -> {
                    String haystack = normalised(s.name() + " " + s.editor() + " " + s.description());
                    return words.stream().allMatch(haystack::contains);
                })
                .sorted(Comparator.comparing(s -> normalised(s.name())))
                .toList();
        return new Page(found.stream().skip(offset).limit(limit).toList(), found.size());
    }

    /** Any state: a patient's connected service stays visible when suspended. */
    public ReferencedService find(String serviceId) {
        return catalogue.find(serviceId).orElseThrow(() -> new CatalogueException(Reason.UNKNOWN_SERVICE));
    }

    static String normalised(String text) {
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.FRENCH).strip();
    }

    private ReferencedService move(String operator, String serviceId, ReferencedService.State state, String change) {
        ReferencedService service = find(serviceId);
        ReferencedService moved = service.withState(state);
        catalogue.save(moved, new Catalogue.Change(serviceId, clock.instant(), operator, change, service.version()));
        return moved;
    }

    /**
     * The entry as loaded, but a service an operator took offline stays offline: a routine reload of
     * the referential never brings it back; only {@link #reinstate} does.
     */
    private static ReferencedService kept(ReferencedService known, ReferencedService loaded) {
        boolean offline = known.state() != ReferencedService.State.ONLINE;
        return offline && loaded.state() == ReferencedService.State.ONLINE ? loaded.withState(known.state()) : loaded;
    }

    private static boolean sameTexts(ReferencedService a, ReferencedService b) {
        return a.name().equals(b.name()) && a.editor().equals(b.editor()) && a.description().equals(b.description())
                && a.categories().equals(b.categories()) && a.state() == b.state();
    }

    private static void check(ReferencedService s) {
        if (!SERVICE_ID.matcher(s.serviceId()).matches()) {
            throw new CatalogueException(Reason.INVALID_ENTRY, "Identifiant invalide.");
        }
        TypedText.line(s.name(), "nom", 100);
        TypedText.line(s.editor(), "editeur", 100);
        TypedText.paragraph(s.description(), "description", 2_000);
        if (s.categories().isEmpty() || !CATEGORIES.containsAll(s.categories())) {
            throw new CatalogueException(Reason.UNKNOWN_CATEGORY, "Service " + s.serviceId() + ".");
        }
        if (s.purposes().isEmpty() || s.purposes().values().stream().anyMatch(a -> a.read().isEmpty() && a.write().isEmpty())) {
            throw new CatalogueException(Reason.INVALID_ENTRY, "Chaque finalité du service " + s.serviceId()
                    + " demande au moins une donnée.");
        }
    }
}
