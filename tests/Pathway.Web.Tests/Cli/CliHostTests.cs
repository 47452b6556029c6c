extern alias cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pathway.Data.Entities;
using CliHost = cli::Pathway.Cli.CliHost;

namespace Pathway.Web.Tests.Cli;

public sealed class CliHostTests
{
    [Fact]
    public void UserManager_ResolvesInTheCli_SoUsersAddAndTokensCreateCanRun()
    {
        using var sp = CliHost.Build();
        using var scope = sp.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }
}
