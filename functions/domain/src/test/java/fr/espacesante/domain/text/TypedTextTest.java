package fr.espacesante.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.access.AccessRequest;
import fr.espacesante.domain.access.Actor;
import fr.espacesante.domain.access.Resource;
import fr.espacesante.domain.access.SpaceAccess;
import fr.espacesante.domain.error.DomainException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedTextTest {

    @Test
    void printable_text_is_kept_stripped() {
        assertThat(TypedText.line("  Lefèvre-d'Ornano Œ 李  ", "nom", 100)).isEqualTo("Lefèvre-d'Ornano Œ 李");
        assertThat(TypedText.paragraph("Patient inconscient,\nallergies inconnues.", "justification", 2000))
                .contains("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bidi\u202Eevil", "isolate\u2066x\u2069", "zero\u200Bwidth", "bell\u0007",
            "c1\u0085", "surrogate\uD800", "private\uE000", "ligne\nsuivante", "ligne\u2028suite"})
    void control_invisible_and_reordering_characters_are_refused_in_a_line(String typed) {
        assertThatThrownBy(() -> TypedText.line(typed, "nom", 100))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.code()).isEqualTo("CARACTERES_INTERDITS");
                    assertThat(e.getMessage()).contains("« nom »");
                });
    }

    @Test
    void text_of_invisible_characters_only_is_refused_and_blank_text_is_missing() {
        assertThatThrownBy(() -> TypedText.paragraph("\u200B".repeat(20), "justification", 2000))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CARACTERES_INTERDITS"));
        assertThatThrownBy(() -> TypedText.line("   ", "titre", 200))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CHAMP_MANQUANT"));
    }

    @Test
    void length_is_counted_in_characters_and_bounded() {
        assertThat(TypedText.line("é".repeat(200), "titre", 200)).hasSize(200);
        assertThatThrownBy(() -> TypedText.line("é".repeat(201), "titre", 200))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TEXTE_TROP_LONG"));
    }

    @Test
    void an_emergency_justification_is_checked_wherever_a_request_is_made() {
        var professional = new Actor.Professional("10000000001", "Dr Urgence", "medecin", true);
        assertThatThrownBy(() -> new AccessRequest(professional, SpaceAccess.ownedBy("personne"), Resource.of(Resource.Kind.SPACE),
                AccessRequest.Action.READ, Optional.of("\u202E".repeat(20))))
                .isInstanceOf(TypedText.InvalidTextException.class);
        assertThatThrownBy(() -> new AccessRequest(professional, SpaceAccess.ownedBy("personne"), Resource.of(Resource.Kind.SPACE),
                AccessRequest.Action.READ, Optional.of("x".repeat(390_000))))
                .isInstanceOf(TypedText.InvalidTextException.class);
    }
}
