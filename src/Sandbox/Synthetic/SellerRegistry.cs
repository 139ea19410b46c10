using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Opside.Sandbox.Synthetic;

/// <summary>
/// The synthetic sellers of this sandbox process, generated on first use. The as-of date is Sandbox:AsOf, else the
/// clock's UTC date at first use, then fixed for that seller for the process lifetime.
/// </summary>
public sealed class SellerRegistry(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<SyntheticSeller>> _sellers = new(StringComparer.Ordinal);
    private readonly Lock _payments = new();

    public SyntheticSeller Get(string sellingPartnerId) =>
        _sellers.GetOrAdd(sellingPartnerId, id => new Lazy<SyntheticSeller>(() => SellerGenerator.Generate(id, AsOf(), options.Value.Scale))).Value;

    /// <summary>
    /// Amazon paying a case or reversing a payment: the reimbursement row joins the seller's, so the next
    /// reimbursements report carries it. Answers the row as it will be reported, or null when <paramref name="make"/>
    /// made none (the seller is left as it was).
    /// </summary>
    public ReimbursementRow? AddReimbursement(string sellingPartnerId, Func<SyntheticSeller, ReimbursementRow?> make)
    {
        lock (_payments)
        {
            var seller = Get(sellingPartnerId);
            if (make(seller) is not { } row)
                return null;
            var paid = seller with { Reimbursements = [row, .. seller.Reimbursements] };
            _sellers[sellingPartnerId] = new Lazy<SyntheticSeller>(paid);
            return row;
        }
    }

    private DateOnly AsOf() =>
        options.Value.AsOf is { Length: > 0 } configured
            ? DateOnly.ParseExact(configured, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
