package fr.espacesante.aws.http;

/** What a route answers: a status and a typed body (a record), written by {@link ApiJson}. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    /** The body of every refusal: a stable code and a French message. */
    public record Refusal(String code, String message) {
    }
}
