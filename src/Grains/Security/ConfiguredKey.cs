namespace Opside.Grains.Security;

/// <summary>A named secret key from configuration (JWT signing, token encryption); the id travels with what it signs or seals.</summary>
public sealed class ConfiguredKey
{
    public string Id { get; set; } = "";

    /// <summary>Base64 of the key bytes. A secret: give it through the environment, never in appsettings.</summary>
    public string Key { get; set; } = "";

    public byte[]? Bytes()
    {
        try
        {
            return Convert.FromBase64String(Key);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
