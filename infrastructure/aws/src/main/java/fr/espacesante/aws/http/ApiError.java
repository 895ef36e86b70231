package fr.espacesante.aws.http;

/**
 * An error answered to a caller: an HTTP status, a stable machine-readable code, and a French
 * message for people. Never carries an exception's own text.
 */
public class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError forbidden(String code, String message) {
        return new ApiError(403, code, message);
    }
}
