package fr.espacesante.domain.population;

/**
 * What importing one range did.
 *
 * @param lineFeeds the line feeds in the range's bytes: how far the next range's line numbers are shifted
 */
public record RangeResult(ImportSummary summary, long lineFeeds) {
}
