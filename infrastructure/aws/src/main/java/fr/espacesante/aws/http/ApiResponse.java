package fr.espacesante.aws.http;

/** What a route answers: a status and a typed body (a record), written by {@link ApiJson}. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    /** A body that is not JSON (a calendar, a file): its media type and bytes, sent as they are. */
    public record Raw(String contentType, byte[] bytes) {
    }

    public static ApiResponse raw(String contentType, byte[] bytes) {
        return new ApiResponse(200, new Raw(contentType, bytes));
    }

    /** The body of every refusal: a stable code and a French message. */
    public record Refusal(String code, String message) {
    }
}
