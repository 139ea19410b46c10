using Opside.DataPlane.Rows;

namespace Opside.Detection.Shared;

/// <summary>One detection run: its inputs, the indexes every rule shares, and the claims found so far.</summary>
internal sealed class DetectionContext
{
    private OrderReturns? _orderReturns;
    private Dictionary<string, string>? _fnskuBySku;

    public DetectionContext(string sellerId, SellerData data, DetectionPolicy policy, SellerDetectionSettings settings, DateOnly asOf)
    {
        SellerId = sellerId;
        Data = data;
        Policy = policy;
        Settings = settings;
        AsOf = asOf;
        Costs = new CostCatalog(data.CostCatalog);
        Reimbursements = new ReimbursementIndex(data.Reimbursements, policy.Reasons, asOf);
        Ledger = new LedgerIndex(data.Ledger, policy.Ledger, settings.ClaimDamageCodesHKU);
    }

    public string SellerId { get; }

    public SellerData Data { get; }

    public DetectionPolicy Policy { get; }

    public SellerDetectionSettings Settings { get; }

    public DateOnly AsOf { get; }

    public CostCatalog Costs { get; }

    public ReimbursementIndex Reimbursements { get; }

    public LedgerIndex Ledger { get; }

    public List<ClaimCandidate> Claims { get; } = [];

    /// <summary>Refunds and returns per order and SKU, built on first use.</summary>
    public OrderReturns OrderReturns => _orderReturns ??= new OrderReturns(this);

    /// <summary>
    /// The FNSKU of a SKU, for claims whose source (a refund) names only the SKU: from the reports that carry both,
    /// the ledger last (it is the largest). Empty when no source names it.
    /// </summary>
    public string FnskuOf(string sku)
    {
        if (_fnskuBySku is null)
        {
            _fnskuBySku = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in Data.CustomerReturns)
            {
                _fnskuBySku.TryAdd(row.Sku, row.Fnsku);
            }
            foreach (var row in Data.RemovalOrders)
            {
                _fnskuBySku.TryAdd(row.Sku, row.Fnsku);
            }
            foreach (var row in Data.ShipmentItems)
            {
                _fnskuBySku.TryAdd(row.SellerSku, row.FulfillmentNetworkSku);
            }
            foreach (var row in Data.Reimbursements)
            {
                // A reversal's sku is Amazon.Found.<ASIN> and its fnsku the ASIN: not the seller's pair.
                if (!string.Equals(row.Reason, Policy.Reasons.Reversal, StringComparison.Ordinal))
                {
                    _fnskuBySku.TryAdd(row.Sku, row.Fnsku);
                }
            }
        }
        if (_fnskuBySku.TryGetValue(sku, out var fnsku))
        {
            return fnsku;
        }
        if (Data.LedgerFnskuByMsku is { } ledgerFnskus)
        {
            var found = ledgerFnskus.GetValueOrDefault(sku, "");
            _fnskuBySku[sku] = found;
            return found;
        }
        foreach (var row in Data.Ledger)
        {
            if (string.Equals(row.Msku, sku, StringComparison.Ordinal))
            {
                _fnskuBySku[sku] = row.Fnsku;
                return row.Fnsku;
            }
        }
        _fnskuBySku[sku] = "";
        return "";
    }

    public List<NeedsReviewShipment> NeedsReview { get; } = [];

    /// <summary>
    /// "Value of a claim" for the unit-cost types: units × the catalog cost effective on the anchor date, else units ×
    /// the FNSKU's median cash payment per unit, else unknown. The catalog row used is added to the evidence.
    /// </summary>
    public Money? CostValue(string sku, string fnsku, DateOnly anchor, int units, List<EvidenceRow> evidence)
    {
        if (Costs.On(sku, anchor) is { } cost)
        {
            evidence.Add(EvidenceRows.Cost(cost));
            return Cents(cost.UnitCost * units, cost.Currency);
        }
        return Reimbursements.MedianCashPerUnit(fnsku) is { } median ? Cents(median.Amount * units, median.Currency) : null;
    }

    /// <summary>Resolved detail 12: computed exactly, rounded once at the end to cents, half away from zero.</summary>
    public static Money Cents(decimal amount, string currency) => new(Math.Round(amount, 2, MidpointRounding.AwayFromZero), currency);

    public void AddClaim(
        ClaimType type, string key, string fnsku, string sku, DateOnly anchor, int units, Money? value,
        List<EvidenceRow> rows, IReadOnlyList<AppliedOffset> offsets,
        string? orderId = null, string? shipmentId = null, string? removalOrderId = null, string? reimbursementId = null)
    {
        var window = Policy.WindowOf(type);
        var opens = anchor.AddDays(window.OpensAfterDays);
        var closes = anchor.AddDays(window.ClosesAfterDays);
        var status = AsOf < opens ? ClaimStatus.Watching : AsOf <= closes ? ClaimStatus.Claimable : ClaimStatus.Expired;
        Claims.Add(new ClaimCandidate(
            ClaimIdentity.IdOf(SellerId, type, key), type, key, fnsku, sku, orderId, shipmentId, removalOrderId, reimbursementId,
            anchor, opens, closes, units, value, status, new ClaimEvidence(rows, offsets)));
    }

    public static List<EvidenceRow> LedgerEvidence(List<LedgerEvent> rows)
    {
        var evidence = new List<EvidenceRow>(rows.Count + 1);
        foreach (var row in rows)
        {
            evidence.Add(EvidenceRows.Ledger(row));
        }
        return evidence;
    }
}
