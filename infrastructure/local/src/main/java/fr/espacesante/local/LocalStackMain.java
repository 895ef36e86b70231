package fr.espacesante.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./espace run}: starts the whole stack on loopback with the demo population, prints the
 * URLs, and stops cleanly on Ctrl-C. Every run starts from the demo data: the emulators keep their
 * data in memory (see {@link LocalStack}); {@code .local-data/} holds the logs.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path root = Path.of(System.getProperty("espace.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".local-data");
        int port = Integer.getInteger("espace.port", 3000);
        LocalStack stack = LocalStack.start(new LocalStack.Settings(root, data, port, 8180, 8005, true,
                LocalStack.Settings.LOCAL_IMPORT_RANGE_ROWS));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nArrêt de la pile locale…");
            stack.close();
            stopped.countDown();
        }));
        DemoData.load(stack, root);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        // A person of the demo registry no demo login uses: NIR, birth name, first names, birth date.
        String[] demo = Files.readAllLines(root.resolve(DemoData.DEMO_FILE)).get(4).split(";");
        System.out.printf("""

                Espace Santé — pile locale prête en %d ms
                  Espace web        %s/
                    patient de démonstration  « Accéder à mon espace santé », identifiant « %s » sur la page
                                              de connexion (médecin traitant, documents, message, historique)
                    parent de démonstration   identifiant « %s » (un enfant rattaché : « Mes enfants »)
                    nouveau patient           tout autre identifiant, puis activation avec une personne du registre,
                                              par exemple NIR %s, né(e) le %s, nom de naissance %s
                    opérateur                 « Espace opérateur », tout identifiant
                  API HTTP          %s
                  Courriels (SES)   %s   (boîte de réception ; JSON : /store)
                  Émetteurs OIDC    %s
                                    %s
                                    %s
                                    %s   (services du catalogue : client_credentials sur /token)
                  DynamoDB Local    %s
                  S3 (S3Proxy)      %s   buckets : %s
                  SQS (ElasticMQ)   %s
                  Journaux          %s
                Jetons : ./espace token patient|professional|operator (voir README). Ctrl-C pour arrêter.
                %n""", elapsed, stack.gatewayUrl(), DemoData.PATIENT_LOGIN, DemoData.PARENT_LOGIN, demo[0], demo[3], demo[1],
                stack.gatewayUrl(), stack.sesUrl(),
                stack.issuers().issuerUrl(OidcIssuers.CITIZEN), stack.issuers().issuerUrl(OidcIssuers.PROFESSIONAL),
                stack.issuers().issuerUrl(OidcIssuers.ADMIN), stack.issuers().issuerUrl(OidcIssuers.SERVICES), stack.dynamoDbUrl(), stack.s3Url(), stack.buckets(),
                String.join(" ", stack.queueUrls()), data);
        stopped.await();
    }
}
