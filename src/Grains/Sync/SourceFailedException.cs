namespace Opside.Grains.Sync;

/// <summary>
/// A source failed for a reason Opside itself puts in words (Amazon could not generate a report, a report came
/// without a document): its message is written for the seller and is shown in the sync status as it is.
/// </summary>
public sealed class SourceFailedException(string message) : Exception(message);
