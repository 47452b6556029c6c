using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;

namespace Pathway.Data.Security;

/// <summary>Identity settings shared by the web app and the CLI, so a password the CLI accepts the web accepts too.</summary>
public static class PathwayIdentity
{
    public static void Apply(IdentityOptions o)
    {
        // NCSC guidance favours length over composition; we require both, as NHS systems commonly do.
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Password.RequiredUniqueChars = 6;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
        o.Tokens.AuthenticatorTokenProvider = PathwayAuthenticatorTokenProvider.Name;
    }

    /// <summary>Identity without cookies or UI, for the CLI and seeding.</summary>
    public static IServiceCollection AddPathwayIdentityCore(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(Apply)
            .AddRoles<StaffRoleRecord>()
            .AddEntityFrameworkStores<PathwayDbContext>()
            .AddUserStore<PathwayUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PathwayAuthenticatorTokenProvider>(PathwayAuthenticatorTokenProvider.Name);
        return services;
    }
}
