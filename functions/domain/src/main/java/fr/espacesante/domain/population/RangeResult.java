package fr.espacesante.domain.population;

/**
 * What importing one range did.
 *
 * @param lineFeeds      the line feeds in the range's bytes: how far the next range's line numbers are shifted
 * @param unreadableFrom the line, numbered within the range, from which the rest of the range could not be
 *                       read (0: all read); the run's error names it in the file's numbering
 */
public record RangeResult(ImportSummary summary, long lineFeeds, long unreadableFrom) {
}
