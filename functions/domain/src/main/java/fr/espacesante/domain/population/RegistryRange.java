package fr.espacesante.domain.population;

/**
 * One line-aligned slice of a registry file, imported by one worker invocation.
 *
 * @param version    the file's version (ETag) when it was split: a range never mixes two versions
 * @param index      0-based position of the range in the file
 * @param total      how many ranges the file was cut into
 * @param firstByte  the first byte of the range's first line
 * @param endByte    one past the range's last byte (just after a line feed, or the end of the file)
 * @param header     the file's header line, which every range is read with
 */
public record RegistryRange(String importId, RegistryFile file, String version, int index, int total,
                            long firstByte, long endByte, String header) {

    /** What a stored person records as the line that created or last updated them: unique in an import. */
    public String origin(long localLine) {
        return importId + "#" + index + ":" + localLine;
    }
}
