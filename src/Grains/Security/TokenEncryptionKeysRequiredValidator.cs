using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Opside.Grains.Security;

/// <summary>
/// Outside Development a host without encryption keys must not start: a per-process key would make every
/// stored refresh token unreadable after the next restart.
/// </summary>
internal sealed class TokenEncryptionKeysRequiredValidator(IHostEnvironment environment) : IValidateOptions<TokenEncryptionOptions>
{
    internal static readonly string Message =
        $"{TokenEncryptionOptions.Section}:Keys must hold at least one key outside Development " +
        $"(Security__TokenEncryption__Keys__0__Id and Security__TokenEncryption__Keys__0__Key: base64 of {TokenEncryptionOptions.KeyBytes} random bytes).";

    public ValidateOptionsResult Validate(string? name, TokenEncryptionOptions options) =>
        options.Keys.Count == 0 && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(Message)
            : ValidateOptionsResult.Success;
}
