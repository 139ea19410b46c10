using Opside.DataPlane.Rows;

namespace Opside.DataPlane.Tests.Storage;

/// <summary>Rows as Amazon's reports print them, with every column set; tests vary them with <c>with</c>.</summary>
internal static class SampleRows
{
    /// <summary>Pacific daylight time, as the ledger's <c>Date and Time</c> prints it.</summary>
    public static readonly TimeSpan Pdt = TimeSpan.FromHours(-7);

    public static LedgerEvent Ledger(DateOnly date, string fnsku = "X001ABCDEF", int quantity = -3) => new(
        date,
        fnsku,
        "B07XYZ1234",
        "ACME-TENT-2P",
        "Acme Outdoor 2-Person Tent, Green",
        "Adjustments",
        "1234567890",
        quantity,
        "PHX7",
        "SELLABLE",
        "M",
        "US",
        ReconciledQuantity: 0,
        UnreconciledQuantity: 3,
        new DateTimeOffset(date.Year, date.Month, date.Day, 14, 23, 5, Pdt),
        "");

    public static ReimbursementRow Reimbursement(DateTimeOffset approvalDate, string reimbursementId = "4563218790") => new(
        approvalDate,
        reimbursementId,
        "17492648291",
        "114-1234567-1234567",
        "Lost_Warehouse",
        "ACME-TENT-2P",
        "X001ABCDEF",
        "B07XYZ1234",
        "Acme Outdoor 2-Person Tent, Green",
        "NewItem",
        "USD",
        AmountPerUnit: 6.12m,
        AmountTotal: 18.36m,
        QuantityReimbursedCash: 3,
        QuantityReimbursedInventory: 0,
        QuantityReimbursedTotal: 3,
        "",
        "");

    public static CustomerReturnRow CustomerReturn(DateTimeOffset returnDate, string orderId = "114-7654321-7654321") => new(
        returnDate,
        orderId,
        "ACME-TENT-2P",
        "B07XYZ1234",
        "X001ABCDEF",
        "Acme Outdoor 2-Person Tent, Green",
        1,
        "PHX7",
        "CARRIER_DAMAGED",
        "DEFECTIVE",
        "Unit returned to inventory",
        "LPNRR123456789",
        "zipper broken, \"seam\" torn\tat corner");

    public static RemovalOrderRow RemovalOrder(DateTimeOffset requestDate, string orderId = "RMV-2024-0001") => new(
        requestDate,
        orderId,
        "Return",
        "Standard",
        "Completed",
        requestDate.AddDays(9),
        "ACME-TENT-2P",
        "X001ABCDEF",
        "Unsellable",
        RequestedQuantity: 5,
        CancelledQuantity: 0,
        DisposedQuantity: 0,
        ShippedQuantity: 4,
        InProcessQuantity: 1,
        RemovalFee: 2.50m,
        "USD");

    public static RefundItem Refund(DateTimeOffset postedDate, string orderId = "114-7654321-7654321") => new(
        orderId,
        postedDate,
        "Amazon.com",
        "ACME-TENT-2P",
        "53124578125481",
        1,
        Principal: -175.84m,
        "USD");

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
