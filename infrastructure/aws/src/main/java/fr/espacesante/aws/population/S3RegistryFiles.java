package fr.espacesante.aws.population;

import fr.espacesante.domain.population.RegistryFile;
import fr.espacesante.domain.population.UnreadableFileException;
import fr.espacesante.domain.population.port.out.RegistryFiles;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Registry files streamed from the import bucket: the object is never held whole in memory. */
public final class S3RegistryFiles implements RegistryFiles {

    private final S3Client s3;

    public S3RegistryFiles(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Rows open(RegistryFile file) {
        try {
            return new CsvRegistryRows(s3.getObject(b -> b.bucket(file.container()).key(file.name())));
        } catch (NoSuchKeyException e) {
            throw new UnreadableFileException("fichier introuvable dans le dépôt", e);
        }
    }
}
