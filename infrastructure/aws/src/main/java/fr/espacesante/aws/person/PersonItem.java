package fr.espacesante.aws.person;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** A row of the Persons table. The NIR appears only as its keyed hash and its sealed copy. */
@DynamoDbBean
public class PersonItem {
    private String personKey;
    private String status;
    private String sealedNir;
    private String lastName;
    private String firstNames;
    private String birthDate;
    private String department;
    private String street;
    private String postcode;
    private String town;
    private String email;
    private String importedAt;
    private String contactUpdatedAt;

    @DynamoDbPartitionKey
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
}
