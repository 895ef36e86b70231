package fr.espacesante.aws.access;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A row of the AccessHistory table: one space per partition, entries sorted by time
 * ({@code entryKey} = fixed-width instant + random suffix). Two indexes serve the patient's filters:
 * by professional ({@code spaceActor}) and by rule ({@code spaceRule}).
 */
@DynamoDbBean
public class AccessEntryItem {
    static final String BY_PROFESSIONAL = "ByProfessional";
    static final String BY_RULE = "ByRule";

    private String spaceKey;
    private String entryKey;
    private String spaceActor;
    private String spaceRule;
    private String at;
    private String actorKind;
    private String actorId;
    private String actorName;
    private String actorProfession;
    private String resourceKind;
    private String resourceId;
    private String action;
    private String ruleId;
    private boolean allowed;
    private String justification;

    @DynamoDbPartitionKey
    public String getSpaceKey() {
        return spaceKey;
    }

    public void setSpaceKey(String spaceKey) {
        this.spaceKey = spaceKey;
    }

    @DynamoDbSortKey
    @DynamoDbSecondarySortKey(indexNames = {BY_PROFESSIONAL, BY_RULE})
    public String getEntryKey() {
        return entryKey;
    }

    public void setEntryKey(String entryKey) {
        this.entryKey = entryKey;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_PROFESSIONAL)
    public String getSpaceActor() {
        return spaceActor;
    }

    public void setSpaceActor(String spaceActor) {
        this.spaceActor = spaceActor;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = BY_RULE)
    public String getSpaceRule() {
        return spaceRule;
    }

    public void setSpaceRule(String spaceRule) {
        this.spaceRule = spaceRule;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public String getActorKind() {
        return actorKind;
    }

    public void setActorKind(String actorKind) {
        this.actorKind = actorKind;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public void setActorName(String actorName) {
        this.actorName = actorName;
    }

    public String getActorProfession() {
        return actorProfession;
    }

    public void setActorProfession(String actorProfession) {
        this.actorProfession = actorProfession;
    }

    public String getResourceKind() {
        return resourceKind;
    }

    public void setResourceKind(String resourceKind) {
        this.resourceKind = resourceKind;
    }

    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public void setAllowed(boolean allowed) {
        this.allowed = allowed;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }
}
