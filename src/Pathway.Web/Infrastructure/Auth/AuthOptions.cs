namespace Pathway.Web.Infrastructure.Auth;

/// <summary>Sign-in settings, bound from <c>Authentication</c>.</summary>
public sealed class PathwayAuthOptions
{
    public const string Section = "Authentication";

    /// <summary>Minutes of inactivity before the session ends. 30 by policy.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Hours after sign-in when a session ends however active it has been (the sliding idle timeout cannot pass it).</summary>
    public int AbsoluteSessionHours { get; set; } = 10;

    /// <summary>Lets demo accounts skip two-factor sign-in. Honoured in Development only, and only for demo accounts.</summary>
    public bool WaiveTwoFactorForDemoAccounts { get; set; }

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>Optional single sign-on. Enabled when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "your organisation's account";

    /// <summary>Trust the identity provider's own multi-factor authentication (its <c>amr</c> claim).</summary>
    public bool TrustProviderMfa { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
