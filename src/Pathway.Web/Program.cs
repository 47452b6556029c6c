using Pathway.Web.Infrastructure;
using Pathway.Web.Infrastructure.Database;

var builder = WebApplication.CreateBuilder(args);
builder.AddPathway();

var app = builder.Build();
app.MapPathway();
await app.PreparePathwayDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
