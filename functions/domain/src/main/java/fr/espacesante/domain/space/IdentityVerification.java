package fr.espacesante.domain.space;

import fr.espacesante.domain.nir.NirProtection;
import fr.espacesante.domain.space.port.out.PersonDirectory;
import fr.espacesante.domain.space.SpaceActivation.IdentityProof;

/**
 * Recognises an insured person from what a signed-in citizen typed (NIR, birth date, birth name),
 * under the attempt limits of that login and client: the one check behind activating one's own
 * space and attaching a child's.
 */
public final class IdentityVerification {

    private final NirProtection nirProtection;
    private final PersonDirectory persons;
    private final AttemptGuard attempts;

    public IdentityVerification(NirProtection nirProtection, PersonDirectory persons, AttemptGuard attempts) {
        this.nirProtection = nirProtection;
        this.persons = persons;
        this.attempts = attempts;
    }

    /**
     * @throws IdentityNotRecognisedException the same way for an unknown NIR and for wrong details
     * @throws TooManyAttemptsException after repeated failures from this login or this client
     */
    public RegisteredPerson recognise(String subject, String clientId, IdentityProof proof) {
        var keys = SpaceActivation.attemptKeys(subject, clientId);
        attempts.ensureAllowed(keys);
        return persons.find(nirProtection.lookupKey(proof.nir()))
                .filter(p -> p.identity().birthDate().equals(proof.birthDate()))
                .filter(p -> BirthName.matches(proof.birthName(), p.identity().lastName()))
                .orElseGet(() -> {
                    attempts.failed(keys);
                    throw new IdentityNotRecognisedException();
                });
    }
}
