package fr.espacesante.domain.catalogue;

import fr.espacesante.domain.document.DocumentCategory;
import fr.espacesante.domain.profile.MeasurementType;
import java.util.Arrays;
import java.util.Optional;

/**
 * One kind of data a service may read or write: the documents of a category, the values of a
 * measurement type, or the agenda. Written {@code documents:<category>}, {@code mesures:<type>}, {@code agenda}.
 */
public record DataScope(Kind kind, String detail) {

    public enum Kind { DOCUMENTS, MEASUREMENTS, AGENDA }

    public static final DataScope AGENDA = new DataScope(Kind.AGENDA, "");

    public static DataScope documents(DocumentCategory category) {
        return new DataScope(Kind.DOCUMENTS, category.id());
    }

    public static DataScope measurements(MeasurementType type) {
        return new DataScope(Kind.MEASUREMENTS, type.code());
    }

    public String code() {
        return switch (kind) {
            case DOCUMENTS -> "documents:" + detail;
            case MEASUREMENTS -> "mesures:" + detail;
            case AGENDA -> "agenda";
        };
    }

    /** @return empty for a code that names no such data */
    public static Optional<DataScope> ofCode(String code) {
        if ("agenda".equals(code)) {
            return Optional.of(AGENDA);
        }
        if (code.startsWith("documents:")) {
            String category = code.substring("documents:".length());
            return DocumentCategory.fromId(category).map(DataScope::documents);
        }
        if (code.startsWith("mesures:")) {
            String type = code.substring("mesures:".length());
            return Arrays.stream(MeasurementType.values()).filter(t -> t.code().equals(type) && !t.derived()).findFirst()
                    .map(DataScope::measurements);
        }
        return Optional.empty();
    }

    /** In French, for the connect page and the history. */
    public String label() {
        return switch (kind) {
            case DOCUMENTS -> "Documents « " + detail + " »";
            case MEASUREMENTS -> MeasurementType.ofCode(detail).label();
            case AGENDA -> "Agenda santé";
        };
    }
}
