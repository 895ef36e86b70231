package fr.espacesante.aws.space;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;

/** A row of the Spaces table: the space's life and the patient's access decisions. */
@DynamoDbBean
public class SpaceItem {
    private String spaceKey;
    private String status;
    private String createdAt;
    private String creation;
    private String activatedAt;
    private String email;
    private Boolean notifyNewDocuments;
    private Boolean notifyMessages;
    private Boolean notifyAgenda;
    private String treatingDoctor;
    private Set<String> consented;
    private Set<String> blocked;
    private Set<String> legalRepresentatives;
    private Boolean emergencyAccess;
    private Map<String, String> professionals;
    private Long version;
    private String closedAt;
    private String purgeOn;
    private String purgeShard;
    private Set<String> caregivers;

    @DynamoDbPartitionKey
    public String getSpaceKey() {
        return spaceKey;
    }

    public void setSpaceKey(String spaceKey) {
        this.spaceKey = spaceKey;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getCreation() {
        return creation;
    }

    public void setCreation(String creation) {
        this.creation = creation;
    }

    public String getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(String activatedAt) {
        this.activatedAt = activatedAt;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Boolean getNotifyNewDocuments() {
        return notifyNewDocuments;
    }

    public void setNotifyNewDocuments(Boolean notifyNewDocuments) {
        this.notifyNewDocuments = notifyNewDocuments;
    }

    public Boolean getNotifyMessages() {
        return notifyMessages;
    }

    public void setNotifyMessages(Boolean notifyMessages) {
        this.notifyMessages = notifyMessages;
    }

    public Boolean getNotifyAgenda() {
        return notifyAgenda;
    }

    public void setNotifyAgenda(Boolean notifyAgenda) {
        this.notifyAgenda = notifyAgenda;
    }

    public String getTreatingDoctor() {
        return treatingDoctor;
    }

    public void setTreatingDoctor(String treatingDoctor) {
        this.treatingDoctor = treatingDoctor;
    }

    public Set<String> getConsented() {
        return consented;
    }

    public void setConsented(Set<String> consented) {
        this.consented = consented;
    }

    public Set<String> getBlocked() {
        return blocked;
    }

    public void setBlocked(Set<String> blocked) {
        this.blocked = blocked;
    }

    public Set<String> getLegalRepresentatives() {
        return legalRepresentatives;
    }

    public void setLegalRepresentatives(Set<String> legalRepresentatives) {
        this.legalRepresentatives = legalRepresentatives;
    }

    public Boolean getEmergencyAccess() {
        return emergencyAccess;
    }

    public void setEmergencyAccess(Boolean emergencyAccess) {
        this.emergencyAccess = emergencyAccess;
    }

    public Map<String, String> getProfessionals() {
        return professionals;
    }

    public void setProfessionals(Map<String, String> professionals) {
        this.professionals = professionals;
    }

    /** One more at every change of the space; absent (0) on spaces written before versions existed. */
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public String getClosedAt() {
        return closedAt;
    }

    public void setClosedAt(String closedAt) {
        this.closedAt = closedAt;
    }

    public String getPurgeOn() {
        return purgeOn;
    }

    public void setPurgeOn(String purgeOn) {
        this.purgeOn = purgeOn;
    }

    /** "purge day#shard" while the space is closed: the sparse index the retention purge reads. */
    @DynamoDbSecondaryPartitionKey(indexNames = DUE_FOR_PURGE)
    public String getPurgeShard() {
        return purgeShard;
    }

    public void setPurgeShard(String purgeShard) {
        this.purgeShard = purgeShard;
    }

    public static final String DUE_FOR_PURGE = "DueForPurge";

    /** Person keys of the caregivers the patient named (the access policy's {@code aidant} rule). */
    public Set<String> getCaregivers() {
        return caregivers;
    }

    public void setCaregivers(Set<String> caregivers) {
        this.caregivers = caregivers;
    }
}
