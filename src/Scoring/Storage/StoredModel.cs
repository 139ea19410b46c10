namespace Opside.Scoring.Storage;

/// <summary>
/// A refund model as the model store lists it, without its package: the version, when it was trained, whether on
/// bootstrap data, its metadata as the trainer wrote it (JSON: metrics, data range, features), and whether it is the
/// one being served.
/// </summary>
public sealed record StoredModel(string Version, DateTimeOffset TrainedAt, bool Bootstrap, string MetadataJson, bool Current);

/// <summary>One change of the model served: which version, when, by whom, and why (<c>promoted</c> or <c>rollback</c>).</summary>
public sealed record ModelPromotion(long Sequence, string Version, DateTimeOffset At, string By, string Kind);
