package fr.espacesante.aws;

import fr.espacesante.aws.access.DynamoDbAccessHistory;
import fr.espacesante.aws.campaign.DynamoDbCampaignAudit;
import fr.espacesante.aws.family.DynamoDbGuardianships;
import fr.espacesante.aws.campaign.DynamoDbDueSpaces;
import fr.espacesante.aws.campaign.DynamoDbNotificationLedger;
import fr.espacesante.aws.campaign.DynamoDbNotificationQueue;
import fr.espacesante.aws.campaign.DynamoDbObjections;
import fr.espacesante.aws.campaign.DynamoDbWaves;
import fr.espacesante.aws.letters.PdfLetters;
import fr.espacesante.aws.letters.S3LetterOffice;
import fr.espacesante.aws.limits.DynamoDbAttemptCounters;
import fr.espacesante.aws.mail.SesMailer;
import fr.espacesante.aws.person.DynamoDbPersonDirectory;
import fr.espacesante.aws.space.DynamoDbIdentityLinks;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.access.AccessPolicy;
import fr.espacesante.domain.access.SpaceAccessGuard;
import fr.espacesante.domain.campaign.CampaignNotices;
import fr.espacesante.domain.campaign.OneTimeCode;
import fr.espacesante.domain.nir.NirProtection;
import java.time.Clock;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The adapters a function needs, built from its environment (the template's variables) once, at
 * cold start. Each function takes only what it uses; clients are created on first use.
 */
public final class AwsAdapters {

    private final Function<String, String> env;
    private final Clock clock;
    private DynamoDbClient dynamoDb;
    private DynamoDbEnhancedClient enhanced;

    /** @param env returns a required variable's value, failing when it is missing */
    public AwsAdapters(Function<String, String> env) {
        this(env, ServiceClock.utc());
    }

    /** With another clock: tests and benchmarks that play minutes of a campaign in a moment. */
    public AwsAdapters(Function<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public String env(String name) {
        return env.apply(name);
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = AwsClients.dynamoDb();
        }
        return dynamoDb;
    }

    public synchronized DynamoDbEnhancedClient enhanced() {
        if (enhanced == null) {
            enhanced = AwsClients.enhanced(dynamoDb());
        }
        return enhanced;
    }

    public NirProtection nirProtection() {
        return new NirProtection(env("NIR_HASH_KEY"), env("NIR_SEAL_KEY"));
    }

    public OneTimeCode codes() {
        return new OneTimeCode(env("CODE_KEY"));
    }

    public CampaignNotices campaignNotices() {
        return new CampaignNotices(env("SERVICE_URL"));
    }

    public DynamoDbPersonDirectory persons() {
        return new DynamoDbPersonDirectory(dynamoDb(), enhanced(), env("PERSONS_TABLE"));
    }

    public DynamoDbSpaces spaces() {
        return new DynamoDbSpaces(dynamoDb(), enhanced(), env("SPACES_TABLE"));
    }

    public DynamoDbGuardianships guardianships() {
        return new DynamoDbGuardianships(dynamoDb(), env("GUARDIANSHIPS_TABLE"), env("SPACES_TABLE"));
    }

    public DynamoDbIdentityLinks identityLinks() {
        return new DynamoDbIdentityLinks(dynamoDb(), env("IDENTITY_LINKS_TABLE"), env("PERSONS_TABLE"));
    }

    public DynamoDbAccessHistory accessHistory() {
        return new DynamoDbAccessHistory(dynamoDb(), enhanced(), env("ACCESS_HISTORY_TABLE"),
                env("SPACES_TABLE"));
    }

    public SpaceAccessGuard guard(DynamoDbAccessHistory history) {
        return new SpaceAccessGuard(new AccessPolicy(), history, clock);
    }

    public DynamoDbAttemptCounters attemptCounters() {
        return new DynamoDbAttemptCounters(dynamoDb(), env("ATTEMPTS_TABLE"));
    }

    public DynamoDbWaves waves() {
        return new DynamoDbWaves(dynamoDb(), env("WAVES_TABLE"));
    }

    public DynamoDbNotificationQueue notificationQueue() {
        return new DynamoDbNotificationQueue(dynamoDb(), env("PERSONS_TABLE"));
    }

    public DynamoDbNotificationLedger ledger() {
        return new DynamoDbNotificationLedger(dynamoDb(), env("NOTIFICATIONS_TABLE"), env("PERSONS_TABLE"), env("WAVES_TABLE"));
    }

    public DynamoDbDueSpaces dueSpaces() {
        return new DynamoDbDueSpaces(dynamoDb(), env("PERSONS_TABLE"), env("SPACES_TABLE"), env("WAVES_TABLE"),
                env("CAMPAIGN_STATE_TABLE"));
    }

    public DynamoDbObjections objections() {
        return new DynamoDbObjections(dynamoDb(), env("PERSONS_TABLE"), env("WAVES_TABLE"));
    }

    public DynamoDbCampaignAudit campaignAudit() {
        return new DynamoDbCampaignAudit(dynamoDb(), env("CAMPAIGN_AUDIT_TABLE"));
    }

    public SesMailer mailer() {
        return new SesMailer(AwsClients.ses(), env("SENDER_ADDRESS"), env("SES_CONFIGURATION_SET"));
    }

    public S3LetterOffice letterOffice() {
        return new S3LetterOffice(AwsClients.s3(), env("LETTERS_BUCKET"), new PdfLetters(campaignNotices()));
    }

    public fr.espacesante.aws.document.DynamoDbDocumentCatalog documentCatalog() {
        return new fr.espacesante.aws.document.DynamoDbDocumentCatalog(dynamoDb(), env("DOCUMENTS_TABLE"), clock);
    }

    /** Path-style pre-signed URLs, valid on AWS for our bucket names and what S3-compatible servers expect. */
    public fr.espacesante.aws.document.S3DocumentStorage documentStorage() {
        var presigner = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
        return new fr.espacesante.aws.document.S3DocumentStorage(AwsClients.s3(), presigner, env("DOCUMENTS_BUCKET"),
                env("DATA_KEY_ARN"));
    }

    public int objectionDays() {
        return Integer.parseInt(env("OBJECTION_PERIOD_DAYS"));
    }
}
