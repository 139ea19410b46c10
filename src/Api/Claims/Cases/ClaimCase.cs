using Opside.Grains.Claims;

namespace Opside.Api.Claims.Cases;

/// <summary>
/// What a person pastes into Seller Central to file a claim (docs/claim-workflow.md, "Case preparation"): a subject, the
/// case text, the facts it states one by one, the amount requested (null when no unit cost is known) and the documents
/// to attach. <see cref="Text"/> is the whole case as plain text, the same words the text/plain answer carries.
/// </summary>
public sealed record ClaimCase(
    string ClaimId,
    string Type,
    ClaimStatus Status,
    string? CaseId,
    string Subject,
    IReadOnlyList<CaseDetail> Details,
    IReadOnlyList<string> Statement,
    ClaimMoney? Requested,
    IReadOnlyList<CaseAttachment> Attach,
    string Text);

/// <summary>One fact of the case, labelled as a person reads it (e.g. "FNSKU", "Fulfillment center").</summary>
public sealed record CaseDetail(string Label, string Value);

/// <summary>
/// A document to attach and why Amazon asks for it. <see cref="FromReports"/> is true when the document is Amazon's
/// own report rows, which the case text already lists; false when only the seller has it (an invoice, a proof of delivery).
/// </summary>
public sealed record CaseAttachment(string Document, string Why, bool FromReports);
