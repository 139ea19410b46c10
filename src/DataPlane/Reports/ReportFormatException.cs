namespace Opside.DataPlane.Reports;

/// <summary>
/// A document that cannot be read as the report it claims to be: a missing required column, an unsupported charset,
/// data that is not gzip although GZIP was declared. Rows that merely fail to parse are not this: they are returned
/// as <see cref="RejectedRow"/>s.
/// </summary>
public sealed class ReportFormatException : Exception
{
    public ReportFormatException()
    {
    }

    public ReportFormatException(string message)
        : base(message)
    {
    }

    public ReportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
