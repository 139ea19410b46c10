using System.Net.Sockets;
using Opside.DataPlane.Payloads;
using Opside.DataPlane.Reports;
using Opside.Grains.Amazon;
using Opside.Grains.Amazon.SpApi;
using Opside.Grains.Errors;
using Opside.Grains.Sync;

namespace Opside.Grains.Pipeline;

/// <summary>
/// What a failure is called in a status a seller reads (<c>lastError</c>, an upload's reason). An exception's own
/// message can carry anything (a connection string in a database error, a host name, Amazon's free text), so only
/// messages Opside writes itself are shown; any other failure is named by its kind and an error id, and its details
/// go to the log under that id.
/// </summary>
public static class FailureDescription
{
    /// <summary>The words for <paramref name="failure"/>; <paramref name="errorId"/> is the id its log line carries.</summary>
    public static string Describe(Exception failure, string errorId) => failure switch
    {
        SourceFailedException or DomainException or ReportFormatException or DocumentTooLargeException or PayloadFormatException => failure.Message,
        AmazonAuthorizationRevokedException => "Amazon refused the seller's authorisation; the seller must connect Amazon again.",
        // Amazon's status and code are its documented vocabulary; its free-text message stays in the log.
        SpApiException amazon => $"Amazon answered {amazon.Operation} with {amazon.Status}{(amazon.Code is null ? "" : " " + amazon.Code)} (error id {errorId}).",
        TimeoutException or TaskCanceledException => $"A call to Amazon timed out (error id {errorId}).",
        HttpRequestException or SocketException => $"Amazon could not be reached (error id {errorId}).",
        _ => $"An internal error occurred (error id {errorId}).",
    };

    /// <summary>A short id to quote in the status and to find the log line by.</summary>
    public static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];
}
