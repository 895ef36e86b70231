package fr.espacesante.domain.support;

import fr.espacesante.domain.caregiver.Designation;
import fr.espacesante.domain.caregiver.Invitation;
import fr.espacesante.domain.caregiver.port.out.Caregivers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Designations only (what {@code Representation} reads); invitations are the DynamoDB adapter's, tested in CaregiversIT. */
public final class InMemoryCaregivers implements Caregivers {
    public final List<Designation> designations = new ArrayList<>();

    @Override
    public void invite(Invitation invitation) {
        throw new UnsupportedOperationException("invitations: see CaregiversIT");
    }

    @Override
    public List<Invitation> invitations(String patientKey) {
        return List.of();
    }

    @Override
    public Optional<Invitation> invitationByCodeHash(String codeHash) {
        return Optional.empty();
    }

    @Override
    public boolean revokeInvitation(String patientKey, String invitationId) {
        return false;
    }

    @Override
    public AcceptOutcome accept(Invitation invitation, Designation designation, fr.espacesante.domain.access.AccessEntry recorded) {
        throw new UnsupportedOperationException("acceptance: see CaregiversIT");
    }

    @Override
    public List<Designation> of(String patientKey) {
        return designations.stream().filter(d -> d.patientKey().equals(patientKey)).toList();
    }

    @Override
    public List<Designation> helpedBy(String caregiverKey) {
        return designations.stream().filter(d -> d.caregiverKey().equals(caregiverKey)).toList();
    }

    @Override
    public Optional<Designation> find(String caregiverKey, String reference) {
        return designations.stream().filter(d -> d.caregiverKey().equals(caregiverKey) && d.reference().equals(reference))
                .findFirst();
    }

    @Override
    public boolean revoke(Designation designation) {
        return designations.remove(designation);
    }

    @Override
    public boolean revoke(Designation designation, fr.espacesante.domain.access.AccessEntry recorded) {
        return revoke(designation);
    }
}
