using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pathway.Domain.Auditing;

namespace Pathway.Data.Security.Keys;

/// <summary>
/// The secrets that must not live in the database: the audit chain's HMAC keys and the key that encrypts secrets at
/// rest (the data-protection key ring, authenticator keys, recovery-code hashes). Each comes from configuration
/// (<c>Security:AuditKeys</c>, <c>Security:SecretKeys</c>) or, where none is configured, from a file in
/// <see cref="KeyDirectory"/> that is generated on first use with a warning. The app and the CLI find the same folder by the
/// same setting. See docs/adr/0005-audit-chain-keying.md and docs/security.md.
/// </summary>
public sealed partial class PathwayKeys
{
    public const string KeyDirectorySetting = "Security:KeyDirectory";
    public const string AuditPurpose = "AuditKeys";
    public const string SecretPurpose = "SecretKeys";
    public const string AuditKeyFile = "audit-keys.json";
    public const string SecretKeyFile = "secret-keys.json";

    private readonly IConfiguration _config;
    private readonly ILogger<PathwayKeys> _log;
    private readonly Lock _gate = new();
    private KeyRing? _audit;
    private KeyRing? _secrets;

    public PathwayKeys(IConfiguration config, ILogger<PathwayKeys> log)
    {
        _config = config;
        _log = log;
        KeyDirectory = ResolveKeyDirectory(config);
    }

    /// <summary><c>Security:KeyDirectory</c>, or the data folder beside the SQLite database.</summary>
    public string KeyDirectory { get; }

    public static string ResolveKeyDirectory(IConfiguration config) =>
        config[KeyDirectorySetting] is { Length: > 0 } dir ? Path.GetFullPath(dir) : DatabaseOptions.DefaultDataDirectory();

    public KeyRing AuditRing => Ring(ref _audit, AuditPurpose, AuditKeyFile);
    public KeyRing SecretRing => Ring(ref _secrets, SecretPurpose, SecretKeyFile);

    public AuditKey CurrentAuditKey
    {
        get
        {
            var ring = AuditRing;
            return new AuditKey(ring.CurrentId, ring.Current);
        }
    }

    public AuditKey? FindAuditKey(string id) => AuditRing.Find(id) is { } k ? new AuditKey(id, k) : null;

    /// <summary>The audit ring if one is configured or its file exists; never generates one (verification must not invent a key).</summary>
    public KeyRing? ExistingAuditRing()
    {
        lock (_gate)
        {
            if (_audit is not null) return _audit;
            if (FromConfiguration(AuditPurpose) is { } configured) return _audit = configured;
            var file = Path.Combine(KeyDirectory, AuditKeyFile);
            return File.Exists(file) ? _audit = KeyRing.FromJson(File.ReadAllText(file), file) : null;
        }
    }

    /// <summary>
    /// Adds a new current key to a file-held ring, keeping the old ones to verify or decrypt what they made. Other processes
    /// pick the new key up when they restart; until then they keep using the old one, which stays valid.
    /// </summary>
    public KeyRing Rotate(string purpose)
    {
        lock (_gate)
        {
            if (FromConfiguration(purpose) is not null)
                throw new InvalidOperationException($"Security:{purpose} is set in configuration: rotate it there (add a key, change Current).");
            var fileName = purpose == AuditPurpose ? AuditKeyFile : SecretKeyFile;
            var file = Path.Combine(KeyDirectory, fileName);
            var rotated = (File.Exists(file) ? KeyRing.FromJson(File.ReadAllText(file), file) : KeyRing.Generate()).WithNewKey();
            var temp = file + ".new";
            WriteSecretFile(temp, rotated.ToJson(), FileMode.Create);
            File.Move(temp, file, overwrite: true);
            if (purpose == AuditPurpose) _audit = rotated; else _secrets = rotated;
            return rotated;
        }
    }

    private KeyRing Ring(ref KeyRing? cache, string purpose, string fileName)
    {
        lock (_gate)
        {
            if (cache is not null) return cache;
            if (FromConfiguration(purpose) is { } configured) return cache = configured;
            var file = Path.Combine(KeyDirectory, fileName);
            if (!File.Exists(file))
            {
                EnsureKeyDirectory();
                try
                {
                    WriteSecretFile(file, KeyRing.Generate().ToJson(), FileMode.CreateNew);
                    LogGenerated(_log, purpose, file);
                }
                catch (IOException) when (File.Exists(file))
                {
                    // Another process (the app or the CLI) made it first: use theirs.
                }
            }
            return cache = KeyRing.FromJson(File.ReadAllText(file), file);
        }
    }

    private KeyRing? FromConfiguration(string purpose)
    {
        var section = _config.GetSection($"Security:{purpose}");
        if (!section.Exists()) return null;
        var keys = section.GetSection("Keys").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "", StringComparer.Ordinal);
        return KeyRing.From(section["Current"], keys, $"Security:{purpose}");
    }

    private void EnsureKeyDirectory()
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(KeyDirectory);
        else Directory.CreateDirectory(KeyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void WriteSecretFile(string path, string content, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Purpose} configured: generated a key into {File}. Keep this file out of the database and its backups, back it up separately, and restrict who can read it (docs/security.md).")]
    private static partial void LogGenerated(ILogger log, string purpose, string file);
}
