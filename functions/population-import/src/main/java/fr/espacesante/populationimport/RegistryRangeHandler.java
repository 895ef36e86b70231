package fr.espacesante.populationimport;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import fr.espacesante.aws.population.SqsImportRanges;
import fr.espacesante.domain.population.ImportRun;
import fr.espacesante.domain.population.RangeImport;
import fr.espacesante.domain.population.RegistryRange;
import fr.espacesante.domain.population.RunCompletion;
import fr.espacesante.domain.population.UnknownImportRunException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A range message → that range imported (the worker), or, from the dead-letter queue, that range
 * recorded as abandoned. An exception leaves the message in the queue: SQS delivers it again once
 * its visibility timeout expires, and moves it to the dead-letter queue after the third receive.
 */
public final class RegistryRangeHandler implements Consumer<SQSEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRangeHandler.class);

    private final Function<RegistryRange, ImportRun> action;
    private final String verb;

    private RegistryRangeHandler(Function<RegistryRange, ImportRun> action, String verb) {
        this.action = action;
        this.verb = verb;
    }

    public static RegistryRangeHandler importing(RangeImport rangeImport) {
        return new RegistryRangeHandler(rangeImport::importRange, "imported");
    }

    public static RegistryRangeHandler abandoning(RunCompletion completion) {
        return new RegistryRangeHandler(completion::abandonRange, "abandoned");
    }

    @Override
    public void accept(SQSEvent event) {
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            // Only a message that is not a range of a known import is dropped: delivering it again would not change
            // that. Any other failure leaves it in the queue, to be delivered again and then dead-lettered.
            RegistryRange range;
            ImportRun run;
            try {
                range = SqsImportRanges.fromMessage(message.getBody() == null ? "" : message.getBody());
                run = action.apply(range);
            } catch (UnknownImportRunException | SqsImportRanges.NotARangeException e) {
                LOG.warn("message {} ignored: {}", message.getMessageId(), e.getClass().getSimpleName());
                continue;
            }
            var progress = run.progress();
            LOG.info("import {} range {}/{} {}: done {}, abandoned {}{}", range.importId(), range.index() + 1,
                    range.total(), verb, progress.done().size(), progress.abandoned().size(),
                    run.finished() ? ", report written" : "");
        }
    }
}
