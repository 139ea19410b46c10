namespace Opside.Grains.Amazon;

/// <summary>An SP-API operation Opside calls, with Amazon's default usage plan (requests per second and burst).</summary>
public sealed record SpApiOperation(string Name, double RatePerSecond, int Burst)
{
    // Amazon's documented defaults (the API models' usage plans); x-amzn-RateLimit-Limit may lower or raise the rate.
    public static readonly SpApiOperation CreateReport = new("createReport", 1.0 / 60, 15);
    public static readonly SpApiOperation GetReport = new("getReport", 2, 15);
    public static readonly SpApiOperation GetReports = new("getReports", 0.0222, 10);
    public static readonly SpApiOperation GetReportDocument = new("getReportDocument", 1.0 / 60, 15);
    public static readonly SpApiOperation ListFinancialEvents = new("listFinancialEvents", 0.5, 30);
    public static readonly SpApiOperation GetShipments = new("getShipments", 2, 30);
    public static readonly SpApiOperation GetShipmentItems = new("getShipmentItems", 2, 30);
}
