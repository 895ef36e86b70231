package fr.espacesante.aws.person;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** A row of the Persons table. The NIR appears only as its keyed hash and its sealed copy. */
@DynamoDbBean
public class PersonItem {
    public static final String AWAITING_NOTIFICATION = "AwaitingNotification";
    public static final String DUE_FOR_SPACE = "DueForSpace";

    private String personKey;
    private String status;
    private String sealedNir;
    private String lastName;
    private String firstNames;
    private String birthDate;
    private String sex;
    private String department;
    private String street;
    private String postcode;
    private String town;
    private String email;
    private String importedAt;
    private String importOrigin;
    private String contactOrigin;
    private String contactUpdatedAt;
    private String notifyShard;
    private String dueShard;
    private String notifiedBy;
    private String deadline;
    private String linkedSubject;
    private String objectionRef;
    private String spaceCreatedAt;

    @DynamoDbPartitionKey
    @DynamoDbSecondarySortKey(indexNames = {AWAITING_NOTIFICATION, DUE_FOR_SPACE})
    public String getPersonKey() {
        return personKey;
    }

    public void setPersonKey(String personKey) {
        this.personKey = personKey;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSealedNir() {
        return sealedNir;
    }

    public void setSealedNir(String sealedNir) {
        this.sealedNir = sealedNir;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getFirstNames() {
        return firstNames;
    }

    public void setFirstNames(String firstNames) {
        this.firstNames = firstNames;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** The registry line that created the person (import, range, line): a replayed line is recognised. */
    public String getImportOrigin() {
        return importOrigin;
    }

    public void setImportOrigin(String importOrigin) {
        this.importOrigin = importOrigin;
    }

    /** The registry line that last changed the contact details. */
    public String getContactOrigin() {
        return contactOrigin;
    }

    public void setContactOrigin(String contactOrigin) {
        this.contactOrigin = contactOrigin;
    }

    public String getImportedAt() {
        return importedAt;
    }

    public void setImportedAt(String importedAt) {
        this.importedAt = importedAt;
    }

    public String getContactUpdatedAt() {
        return contactUpdatedAt;
    }

    public void setContactUpdatedAt(String contactUpdatedAt) {
        this.contactUpdatedAt = contactUpdatedAt;
    }

    /** Sparse index AwaitingNotification: set while the person awaits their first notification. */
    @DynamoDbSecondaryPartitionKey(indexNames = AWAITING_NOTIFICATION)
    public String getNotifyShard() {
        return notifyShard;
    }

    public void setNotifyShard(String notifyShard) {
        this.notifyShard = notifyShard;
    }

    /** Sparse index DueForSpace: "deadline#shard" while notified and not objected. */
    @DynamoDbSecondaryPartitionKey(indexNames = DUE_FOR_SPACE)
    public String getDueShard() {
        return dueShard;
    }

    public void setDueShard(String dueShard) {
        this.dueShard = dueShard;
    }

    public String getNotifiedBy() {
        return notifiedBy;
    }

    public void setNotifiedBy(String notifiedBy) {
        this.notifiedBy = notifiedBy;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public String getLinkedSubject() {
        return linkedSubject;
    }

    public void setLinkedSubject(String linkedSubject) {
        this.linkedSubject = linkedSubject;
    }

    public String getObjectionRef() {
        return objectionRef;
    }

    public void setObjectionRef(String objectionRef) {
        this.objectionRef = objectionRef;
    }

    public String getSpaceCreatedAt() {
        return spaceCreatedAt;
    }

    public void setSpaceCreatedAt(String spaceCreatedAt) {
        this.spaceCreatedAt = spaceCreatedAt;
    }
}
