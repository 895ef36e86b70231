package fr.espacesante.domain.population.port.out;

import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;

/** A registry file read by byte ranges, so that it can be cut into line-aligned slices. */
public interface RegistryFileRanges {

    /** The file's current version and size, and up to {@code bytes} of its beginning. */
    Head head(RegistryFile file, int bytes);

    /** Up to {@code length} bytes from {@code offset} of that version of the file; empty past its end. */
    byte[] read(RegistryFile file, String version, long offset, int length);

    /** Throws {@link fr.espacesante.domain.population.UnreadableFileException} when the header is not the registry's. */
    void checkHeader(String header);

    /**
     * The range's data lines, numbered as if the range followed its header (the header is line 1).
     *
     * @throws fr.espacesante.domain.population.UnreadableFileException the file is no longer the version split
     *                                                                  (replaced or deleted since)
     */
    RangeRows open(RegistryRange range);

    record Head(String version, long size, byte[] start) {
    }

    interface RangeRows extends RegistryFiles.Rows {
        /** Reads whatever is left of the range, and answers how many line feeds it holds. */
        long lineFeeds();
    }
}
