package fr.espacesante.aws.population;

import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.UnreadableFileException;
import fr.espacesante.domain.population.port.out.RegistryFileRanges;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Registry files read by HTTP byte ranges ({@code Range: bytes=a-b}), always of the version (ETag)
 * the file was split at ({@code If-Match}): a file replaced while it is being imported fails its
 * ranges instead of mixing two files.
 */
public final class S3RegistryFileRanges implements RegistryFileRanges {

    private final S3Client s3;

    public S3RegistryFileRanges(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Head head(RegistryFile file, int bytes) {
        try {
            var head = s3.headObject(b -> b.bucket(file.container()).key(file.name()));
            long size = head.contentLength();
            byte[] start = size == 0 ? new byte[0] : read(file, head.eTag(), 0, (int) Math.min(bytes, size));
            return new Head(head.eTag(), size, start);
        } catch (NoSuchKeyException e) {
            throw new UnreadableFileException("fichier introuvable dans le dépôt", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new UnreadableFileException("fichier introuvable dans le dépôt", e);
            }
            throw e;
        }
    }

    @Override
    public byte[] read(RegistryFile file, String version, long offset, int length) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(file.container()).key(file.name()).ifMatch(version)
                    .range("bytes=" + offset + "-" + (offset + length - 1))).asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return new byte[0];
            }
            throw e;
        }
    }

    @Override
    public void checkHeader(String header) {
        CsvRegistryRows.checkHeader(header);
    }

    @Override
    public RangeRows open(RegistryRange range) {
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(b -> b.bucket(range.file().container())
                    .key(range.file().name()).ifMatch(range.version())
                    .range("bytes=" + range.firstByte() + "-" + (range.endByte() - 1)));
        } catch (S3Exception e) {
            if (e instanceof NoSuchKeyException || e.statusCode() == 404 || e.statusCode() == 412) {
                throw new UnreadableFileException("fichier remplacé ou supprimé depuis le début de l’import", e);
            }
            throw e;
        }
        LineFeedCounter counted = new LineFeedCounter(body);
        CsvRegistryRows rows = new CsvRegistryRows(new SequenceInputStream(
                new ByteArrayInputStream((range.header() + "\n").getBytes(StandardCharsets.UTF_8)), counted));
        return new RangeRows() {
            @Override
            public long lineFeeds() {
                return counted.drain();
            }

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public fr.espacesante.domain.population.RegistryRow next() {
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** Counts the line feeds that go through it. */
    private static final class LineFeedCounter extends FilterInputStream {
        private long lineFeeds;
        // SequenceInputStream closes a stream once it has read it to its end: drain() must not read it again.
        private boolean ended;

        LineFeedCounter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            if (b == '\n') {
                lineFeeds++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    lineFeeds++;
                }
            }
            return n;
        }

        /** Reads what the parser left (after an unreadable line) and answers the range's line feeds. */
        long drain() {
            byte[] buffer = new byte[64 * 1024];
            try {
                while (!ended && read(buffer, 0, buffer.length) >= 0) {
                    // counting
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lineFeeds;
        }
    }
}
