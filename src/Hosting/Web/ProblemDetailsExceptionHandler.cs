using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Opside.Grains.Errors;
using Orleans.Runtime;
using Orleans.Storage;

namespace Opside.Hosting.Web;

/// <summary>
/// Turns every exception that escapes an endpoint into an RFC 9457 problem. Known failure kinds get
/// their own status; anything else is a 500 whose detail never carries the exception's message or stack trace.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ResourceNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
            StateConflictException conflict => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", conflict.Message),
            InvalidRequestException invalid => Problem(StatusCodes.Status400BadRequest, "The request is invalid.", invalid.Message),
            NotConnectedException notConnected => Problem(StatusCodes.Status422UnprocessableEntity, "The seller has no Amazon connection.", notConnected.Message),
            ProviderUnavailableException provider => Problem(StatusCodes.Status503ServiceUnavailable, "A provider Opside depends on is unavailable.",
                provider.Message),
            BadHttpRequestException bad => Problem(bad.StatusCode, "The request is malformed.", bad.Message),
            OptionsValidationException misconfigured => Problem(StatusCodes.Status500InternalServerError, "The server is misconfigured.",
                environment.IsDevelopment() ? string.Join(" ", misconfigured.Failures) : "The error was logged with the request's correlation id."),
            InconsistentStateException => Problem(StatusCodes.Status409Conflict, "The resource changed while the request was processed.", "Read it again and retry."),
            _ when exception is TimeoutException || SiloLoss.Is(exception) =>
                Problem(StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable.", "Retry shortly."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                Problem(499, "The client closed the request.", null),
            // Never the exception's text, not even in Development: it can carry a connection string or a token, and
            // Development hosts are shared too. The log has it all, under the correlation id the answer carries.
            _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The error was logged with the request's correlation id."),
        };

        if (problem.Status >= 500)
            logger.LogError(exception, "Request failed with {Status}", problem.Status);
        else
            logger.LogInformation("Request rejected with {Status}: {Reason}", problem.Status, exception.Message);

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        });
    }

    private static ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
