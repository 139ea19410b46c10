namespace Opside.Sandbox.SpApi;

/// <summary>SP-API's error envelope: <c>{"errors":[{"code","message","details"}]}</c>.</summary>
public static class SpApiErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(Body(code, message), statusCode: status);

    public static IResult InvalidInput(string message) => Error(400, "InvalidInput", message);

    public static object Body(string code, string message) => new { errors = new[] { new { code, message, details = "" } } };

    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        429 => ("QuotaExceeded", "You exceeded your quota for the requested resource."),
        500 => ("InternalFailure", "We encountered an internal error. Please try again."),
        503 => ("ServiceUnavailable", "Service temporarily unavailable. Please try again."),
        403 => ("Unauthorized", "Access to requested resource is denied."),
        _ => ("InvalidInput", "The request was rejected."),
    };
}
