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
import fr.espacesante.aws.agenda.DynamoDbAgendaBook;
import fr.espacesante.aws.caregiver.DynamoDbCaregivers;
import fr.espacesante.domain.agenda.AgendaReminders;
import fr.espacesante.domain.agenda.HealthAgenda;
import fr.espacesante.domain.agenda.port.out.AgendaBook;
import fr.espacesante.aws.caregiver.PdfDesignationProofs;
import fr.espacesante.aws.family.DynamoDbHandovers;
import fr.espacesante.aws.messaging.DynamoDbConversations;
import fr.espacesante.domain.messaging.MessageDelivery;
import fr.espacesante.domain.messaging.MessageNotices;
import fr.espacesante.domain.messaging.SecureMessaging;
import fr.espacesante.domain.messaging.port.out.Conversations;
import fr.espacesante.domain.caregiver.CaregiverNotices;
import fr.espacesante.domain.caregiver.port.out.Caregivers;
import fr.espacesante.domain.caregiver.port.out.DesignationProofs;
import fr.espacesante.aws.letters.S3PostalMail;
import fr.espacesante.domain.family.HandoverNotices;
import fr.espacesante.domain.family.port.out.Handovers;
import fr.espacesante.aws.lifecycle.DynamoDbPurgeSchedule;
import fr.espacesante.aws.lifecycle.SpaceErasureAdapter;
import fr.espacesante.domain.lifecycle.LifecycleNotices;
import fr.espacesante.domain.lifecycle.port.out.PostalMail;
import fr.espacesante.domain.lifecycle.port.out.PurgeSchedule;
import fr.espacesante.domain.lifecycle.port.out.SpaceErasure;
import fr.espacesante.aws.limits.DynamoDbAttemptCounters;
import fr.espacesante.aws.mail.SesMailer;
import fr.espacesante.aws.person.DynamoDbPersonDirectory;
import fr.espacesante.aws.space.DynamoDbIdentityLinks;
import fr.espacesante.aws.space.DynamoDbSpaces;
import fr.espacesante.aws.time.ServiceClock;
import fr.espacesante.domain.access.port.out.AccessHistory;
import fr.espacesante.domain.campaign.port.out.CampaignAudit;
import fr.espacesante.domain.campaign.port.out.LetterOffice;
import fr.espacesante.domain.campaign.port.out.NotificationLedger;
import fr.espacesante.domain.campaign.port.out.NotificationQueue;
import fr.espacesante.domain.campaign.port.out.Objections;
import fr.espacesante.domain.campaign.port.out.Waves;
import fr.espacesante.domain.document.port.out.DocumentCatalog;
import fr.espacesante.domain.document.port.out.DocumentStorage;
import fr.espacesante.domain.family.port.out.Guardianships;
import fr.espacesante.domain.mail.port.out.Mailer;
import fr.espacesante.domain.space.port.out.AttemptCounters;
import fr.espacesante.domain.space.port.out.IdentityLinks;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.port.out.Spaces;
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
 * cold start, handed out as the domain's ports. Each function takes only what it uses; clients are
 * created on first use. The sweep's adapter is the one exception: its read-unit counter, a storage
 * detail, is read by the campaign benchmark.
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

    /**
     * The NIR keys when this function has them (read now: the environment is the function's at
     * wiring); a function without them (the FHIR API) fails only if it ever reads by INS, which it does not.
     */
    private java.util.function.Supplier<NirProtection> nirProtectionIfConfigured() {
        NirProtection protection;
        try {
            protection = nirProtection();
        } catch (RuntimeException notConfigured) {
            return () -> {
                throw new IllegalStateException("this function holds no NIR key");
            };
        }
        return () -> protection;
    }

    public OneTimeCode codes() {
        return new OneTimeCode(env("CODE_KEY"));
    }

    public CampaignNotices campaignNotices() {
        return new CampaignNotices(env("SERVICE_URL"));
    }

    public PersonDirectory persons() {
        return new DynamoDbPersonDirectory(dynamoDb(), enhanced(), env("PERSONS_TABLE"));
    }

    public Spaces spaces() {
        return new DynamoDbSpaces(dynamoDb(), enhanced(), env("SPACES_TABLE"));
    }

    public Guardianships guardianships() {
        return new DynamoDbGuardianships(dynamoDb(), env("GUARDIANSHIPS_TABLE"), env("SPACES_TABLE"));
    }

    public IdentityLinks identityLinks() {
        return new DynamoDbIdentityLinks(dynamoDb(), env("IDENTITY_LINKS_TABLE"), env("PERSONS_TABLE"));
    }

    public AccessHistory accessHistory() {
        return new DynamoDbAccessHistory(dynamoDb(), enhanced(), env("ACCESS_HISTORY_TABLE"),
                env("SPACES_TABLE"));
    }

    public SpaceAccessGuard guard(AccessHistory history) {
        return new SpaceAccessGuard(new AccessPolicy(), history, clock);
    }

    public AttemptCounters attemptCounters() {
        return new DynamoDbAttemptCounters(dynamoDb(), env("ATTEMPTS_TABLE"));
    }

    public Waves waves() {
        return new DynamoDbWaves(dynamoDb(), env("WAVES_TABLE"));
    }

    public NotificationQueue notificationQueue() {
        return new DynamoDbNotificationQueue(dynamoDb(), env("PERSONS_TABLE"));
    }

    public NotificationLedger ledger() {
        return new DynamoDbNotificationLedger(dynamoDb(), env("NOTIFICATIONS_TABLE"), env("PERSONS_TABLE"), env("WAVES_TABLE"));
    }

    public DynamoDbDueSpaces dueSpaces() {
        return new DynamoDbDueSpaces(dynamoDb(), env("PERSONS_TABLE"), env("SPACES_TABLE"), env("WAVES_TABLE"),
                env("CAMPAIGN_STATE_TABLE"));
    }

    public Objections objections() {
        return new DynamoDbObjections(dynamoDb(), env("PERSONS_TABLE"), env("WAVES_TABLE"));
    }

    public CampaignAudit campaignAudit() {
        return new DynamoDbCampaignAudit(dynamoDb(), env("CAMPAIGN_AUDIT_TABLE"));
    }

    public Mailer mailer() {
        return new SesMailer(AwsClients.ses(), env("SENDER_ADDRESS"), env("SES_CONFIGURATION_SET"));
    }

    public LetterOffice letterOffice() {
        return new S3LetterOffice(AwsClients.s3(), env("LETTERS_BUCKET"), new PdfLetters(campaignNotices()));
    }

    public DocumentCatalog documentCatalog() {
        return new fr.espacesante.aws.document.DynamoDbDocumentCatalog(dynamoDb(), env("DOCUMENTS_TABLE"), clock);
    }

    /** Path-style pre-signed URLs, valid on AWS for our bucket names and what S3-compatible servers expect. */
    public DocumentStorage documentStorage() {
        var presigner = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .build();
        return new fr.espacesante.aws.document.S3DocumentStorage(AwsClients.s3(), presigner, env("DOCUMENTS_BUCKET"),
                env("DATA_KEY_ARN"));
    }


    public PurgeSchedule purgeSchedule() {
        return new DynamoDbPurgeSchedule(dynamoDb(), env("SPACES_TABLE"), env("PERSONS_TABLE"), env("CAMPAIGN_STATE_TABLE"));
    }

    public SpaceErasure spaceErasure() {
        return new SpaceErasureAdapter(dynamoDb(), AwsClients.s3(), new SpaceErasureAdapter.Stores(env("SPACES_TABLE"),
                env("PERSONS_TABLE"), env("DOCUMENTS_TABLE"), env("ACCESS_HISTORY_TABLE"), env("GUARDIANSHIPS_TABLE"),
                env("IDENTITY_LINKS_TABLE"), env("NOTIFICATIONS_TABLE"), env("CAREGIVERS_TABLE"), env("MESSAGES_TABLE"), env("AGENDA_TABLE"),
                env("PROFILE_TABLE"), env("SERVICE_GRANTS_TABLE"), env("DOCUMENTS_BUCKET"),
                env("LETTERS_BUCKET")));
    }

    public PostalMail postalMail() {
        return new S3PostalMail(AwsClients.s3(), env("LETTERS_BUCKET"), new PdfLetters(campaignNotices()));
    }

    public Handovers handovers() {
        return new DynamoDbHandovers(dynamoDb(), new DynamoDbHandovers.Tables(env("GUARDIANSHIPS_TABLE"),
                env("NOTIFICATIONS_TABLE"), env("SPACES_TABLE"), env("ACCESS_HISTORY_TABLE"), env("CAMPAIGN_STATE_TABLE")));
    }

    public HandoverNotices handoverNotices() {
        return new HandoverNotices(env("SERVICE_URL"));
    }

    /** How long a run owns what it claimed (the template's SendLeaseSeconds). */
    public java.time.Duration sendLease() {
        return java.time.Duration.ofSeconds(Long.parseLong(env("SEND_LEASE_SECONDS")));
    }

    public Caregivers caregivers() {
        return new DynamoDbCaregivers(dynamoDb(), env("CAREGIVERS_TABLE"), env("SPACES_TABLE"), env("ACCESS_HISTORY_TABLE"));
    }

    public DesignationProofs designationProofs() {
        return new PdfDesignationProofs();
    }

    public CaregiverNotices caregiverNotices() {
        return new CaregiverNotices(env("SERVICE_URL"));
    }

    public Conversations conversations() {
        return new DynamoDbConversations(dynamoDb(), env("MESSAGES_TABLE"), env("ACCESS_HISTORY_TABLE"), env("SPACES_TABLE"));
    }

    public SecureMessaging messaging() {
        AccessPolicy policy = new AccessPolicy();
        return new SecureMessaging(conversations(), spaces(), persons(), nirProtection(), documentCatalog(), documentStorage(),
                new SpaceAccessGuard(policy, accessHistory(), clock), policy, messageDelivery(), clock,
                java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }

    /** What the document intake tells when a message's file is checked: the message goes out, or is refused. */
    public MessageDelivery messageDelivery() {
        // The intake delivers messages; it writes no access history (hence no history table).
        return new MessageDelivery(new DynamoDbConversations(dynamoDb(), env("MESSAGES_TABLE"), null, null), documentCatalog(), spaces(),
                mailer(), new MessageNotices(env("SERVICE_URL")), clock);
    }

    public AgendaBook agendaBook() {
        return agendaTable();
    }

    /** The Agenda table: entries, prevention statuses and the calendar subscription. */
    private DynamoDbAgendaBook agendaTable() {
        return new DynamoDbAgendaBook(dynamoDb(), env("AGENDA_TABLE"), null);
    }

    public HealthAgenda agenda() {
        return new HealthAgenda(agendaBook(), spaces(), guard(accessHistory()), clock);
    }

    public fr.espacesante.domain.agenda.PreventionCalendar preventionCalendar() {
        return new fr.espacesante.domain.agenda.PreventionCalendar(agendaTable(), spaces(), persons(), guard(accessHistory()), clock);
    }

    public fr.espacesante.domain.agenda.AgendaSubscriptions agendaSubscriptions() {
        return new fr.espacesante.domain.agenda.AgendaSubscriptions(agendaBook(), agendaTable(), spaces(), guard(accessHistory()), clock);
    }

    public fr.espacesante.domain.profile.port.out.ProfileBook profileBook() {
        return new fr.espacesante.aws.profile.DynamoDbProfileBook(dynamoDb(), env("PROFILE_TABLE"));
    }

    public fr.espacesante.domain.profile.MedicalProfile medicalProfile() {
        return new fr.espacesante.domain.profile.MedicalProfile(profileBook(), spaces(), persons(), guard(accessHistory()),
                new fr.espacesante.domain.access.AccessPolicy(), nirProtectionIfConfigured(), documentCatalog(), documentStorage(),
                new fr.espacesante.aws.profile.PdfProfileSummaries(), clock);
    }

    public fr.espacesante.domain.catalogue.port.out.Catalogue catalogue() {
        return new fr.espacesante.aws.catalogue.DynamoDbCatalogue(dynamoDb(), env("CATALOGUE_TABLE"));
    }

    public fr.espacesante.domain.catalogue.port.out.Grants grants() {
        return new fr.espacesante.aws.catalogue.DynamoDbGrants(dynamoDb(), env("SERVICE_GRANTS_TABLE"), env("ACCESS_HISTORY_TABLE"));
    }

    /** How long a service that asks for more keeps its old grant without the patient's re-approval (the template's ReapprovalDays). */
    public java.time.Duration reapprovalDelay() {
        return java.time.Duration.ofDays(Long.parseLong(env("REAPPROVAL_DAYS")));
    }

    public fr.espacesante.domain.catalogue.ConnectedServicesReview connectedServicesReview() {
        var grants = new fr.espacesante.aws.catalogue.DynamoDbGrants(dynamoDb(), env("SERVICE_GRANTS_TABLE"), env("ACCESS_HISTORY_TABLE"),
                env("CAMPAIGN_STATE_TABLE"));
        return new fr.espacesante.domain.catalogue.ConnectedServicesReview(grants, grants, catalogue(), spaces(), mailer(),
                env("SERVICE_URL"), clock);
    }

    public fr.espacesante.domain.catalogue.ServiceCatalogue serviceCatalogue() {
        return new fr.espacesante.domain.catalogue.ServiceCatalogue(catalogue(), clock);
    }

    public fr.espacesante.domain.catalogue.ServiceConnections serviceConnections() {
        return new fr.espacesante.domain.catalogue.ServiceConnections(catalogue(), grants(), spaces(), guard(accessHistory()), clock,
                reapprovalDelay());
    }

    public fr.espacesante.domain.catalogue.ServiceCalls serviceCalls() {
        return new fr.espacesante.domain.catalogue.ServiceCalls(catalogue(), grants(), spaces(), guard(accessHistory()), clock,
                reapprovalDelay());
    }

    public fr.espacesante.domain.catalogue.ServiceExchange serviceExchange() {
        return new fr.espacesante.domain.catalogue.ServiceExchange(serviceCalls(), medicalProfile(), profileBook(), agenda(),
                documentCatalog(), documentStorage());
    }

    public AgendaReminders agendaReminders() {
        return new AgendaReminders(new DynamoDbAgendaBook(dynamoDb(), env("AGENDA_TABLE"), env("CAMPAIGN_STATE_TABLE")), spaces(),
                mailer(), env("SERVICE_URL"), clock, sendLease());
    }

    public LifecycleNotices lifecycleNotices() {
        return new LifecycleNotices(env("SERVICE_URL"));
    }

    /** Years a closed space's data is kept before the purge (the template's RetentionYears). */
    public int retentionYears() {
        return Integer.parseInt(env("RETENTION_YEARS"));
    }

    public int objectionDays() {
        return Integer.parseInt(env("OBJECTION_PERIOD_DAYS"));
    }
}
