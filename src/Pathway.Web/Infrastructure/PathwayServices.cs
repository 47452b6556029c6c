using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Pathway.Data;
using Pathway.Data.Entities;
using Pathway.Data.Security;
using Pathway.Data.Security.Keys;
using Pathway.Web.Infrastructure.Access;
using Pathway.Web.Infrastructure.Auditing;
using Pathway.Web.Infrastructure.Auth;
using Pathway.Web.Infrastructure.Database;
using Pathway.Web.Infrastructure.Outbox;

using Pathway.Web.Features.Account;
using Pathway.Web.Features.Training.Certificates.Verify;

namespace Pathway.Web.Infrastructure;

public static class PathwayServices
{
    /// <summary>Everything the app needs, each area registering its own options and services.</summary>
    public static WebApplicationBuilder AddPathway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddPathwayDatabase(DatabaseOptions.From(config));
        services.AddPathwayKeys(config);
        services.AddAuditCheckpoints(config);
        services.AddSingleton(TimeProvider.System);
        services.AddPathwayDataProtection(config);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddOutbox(config);
        services.AddReverseProxySupport(config);
        services.AddVerifyRateLimit(config);
        services.AddSignInThrottle(config);
        // Licences and Cases (issue 17): one handler per use case.
        services.AddScoped<Features.Licences.Create.AddLicence>();
        services.AddScoped<Features.Licences.Edit.UpdateLicence>();
        services.AddScoped<Features.Licences.Conditions.AddAdditionalCondition>();
        services.AddScoped<Features.Licences.Conditions.RemoveAdditionalCondition>();
        services.AddScoped<Features.Licences.Recalls.RecordRecallOnLicence>();
        services.AddScoped<Features.Cases.Create.CreateCase>();
        services.AddScoped<Features.Cases.Import.ImportCases>();
        services.AddScoped<Features.Cases.Edit.UpdateCase>();
        services.AddScoped<Features.Cases.Keyworker.SetKeyworker>();
        services.AddScoped<Features.Cases.DataOptOut.SetNationalDataOptOut>();
        services.AddScoped<Features.Cases.Sharing.SetPoliceUnitSharing>();
        services.AddScoped<Features.Cases.Sharing.AddNamedStaff>();
        services.AddScoped<Features.Cases.Sharing.RemoveNamedStaff>();
        services.AddScoped<Features.Cases.Overview.CaseStatusQuery>();
        services.AddScoped<CaseAccess>();
        // HMPPS's subject access request contract (GET /subject-access-request)
        services.AddScoped<Features.SubjectAccess.GatherSubjectAccessContent>();
        // Tasks: "Waiting for you", one source per area, asked in this order
        services.AddOptions<Features.Tasks.TaskOptions>().Bind(config.GetSection(Features.Tasks.TaskOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Referrals.ReferralTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Consultations.ConsultationTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Screening.ScreeningTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Assessments.AssessmentTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.CarePlans.CarePlanTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Incidents.IncidentTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Compliance.Signals.SignalTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Compliance.Recall.RecallTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Signposting.SignpostingTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Coordination.CoordinationTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.Training.TrainingTasks>();
        services.AddScoped<Features.Tasks.ITaskSource, Features.BreakGlass.BreakGlassTasks>();
        services.AddScoped<Features.Tasks.TaskList>();
        services.AddScoped<Features.Tasks.TaskCounter>();
        services.AddMemoryCache();
        services.AddScoped<UseCases.CurrentCase>();
        services.AddScoped<Features.Compliance.Contacts.AddContact>();
        services.AddScoped<Features.Compliance.Contacts.RecordContactOutcome>();
        services.AddScoped<Features.Compliance.Concerns.RecordConcern>();
        services.AddScoped<Features.Compliance.Enforcement.IssueWarningLetter>();
        services.AddScoped<Features.Compliance.Enforcement.RecordBreachOfLicence>();
        // Signposting and its directory of local services (one handler per use case)
        services.AddScoped<Features.Signposting.SignpostingCalendar>();
        services.AddScoped<Features.Signposting.Referrals.ReferToService>();
        services.AddScoped<Features.Signposting.Referrals.RecordSignpostingMove>();
        services.AddScoped<Features.Signposting.Matching.RecordUnmetNeeds>();
        services.AddScoped<Features.Signposting.Directory.SaveDirectoryService>();
        services.AddScoped<Features.Signposting.Directory.VerifyDirectoryService>();
        services.AddScoped<Features.Signposting.Directory.SaveDirectoryOrganisation>();
        // Coordination: the service co-ordination group (one handler per change; reads stay in CoordinationGroup)
        services.AddScoped<Features.Coordination.Members.SaveGroupMember>();
        services.AddScoped<Features.Coordination.Members.SaveGroupRepresentative>();
        services.AddScoped<Features.Coordination.Meetings.SaveGroupMeeting>();
        services.AddScoped<Features.Coordination.Meetings.ChangeMeetingStatus>();
        services.AddScoped<Features.Coordination.Items.SaveAgendaItem>();
        services.AddScoped<Features.Coordination.Actions.AddGroupAction>();
        services.AddScoped<Features.Coordination.Actions.SetGroupActionStatus>();
        // Training: one handler per use case.
        services.AddScoped<Features.Training.Overview.EnrolOnCourse>();
        services.AddScoped<Features.Training.Overview.CompleteCourse>();
        services.AddScoped<Features.Training.Attitudes.SubmitAttitudes>();
        services.AddScoped<Features.Training.Evaluation.SubmitEvaluation>();
        services.AddScoped<Features.Training.KnowledgeCheck.AnswerKnowledgeCheck>();
        services.AddScoped<Features.Training.KnowledgeTest.TakeKnowledgeTest>();
        services.AddScoped<Features.Training.Lesson.CompleteLesson>();
        services.AddScoped<Features.Training.Lesson.BookmarkLesson>();
        services.AddScoped<Features.Training.Certificates.Download.IssueCertificate>();
        services.AddScoped<Features.Training.Sessions.BookSessionPlace>();
        services.AddScoped<Features.Training.Sessions.CancelSessionPlace>();
        services.AddScoped<Features.Training.Sessions.MarkSessionRegister>();
        services.AddScoped<Features.Training.Manage.ScheduleSession>();
        services.AddScoped<Features.Training.Manage.ChangeSession>();
        services.AddScoped<Features.Training.Manage.CancelSession>();
        services.AddScoped<Features.Training.Manage.StartCourseDraft>();
        services.AddScoped<Features.Training.Manage.PublishCourseDraft>();
        services.AddScoped<Features.Training.Manage.ChangeCourseDraft>();
        services.AddScoped<Features.Training.Manage.EditDraftLesson>();
        services.AddScoped<Features.Training.Manage.EditDraftQuestion>();
        services.AddScoped<Features.Training.Manage.RenameDraftModule>();
        services.AddScoped<Features.Training.Manage.EditDraftStatement>();
        services.AddScoped<Features.Training.Manage.EditDraftSubscale>();
        services.AddScoped<Features.Training.Manage.SetDraftPassMark>();
        services.AddScoped<Features.Training.Manage.SetTrainingRequirements>();
        services.AddScoped<Features.Training.Manage.AssignTrainingGroup>();
        // Admin: one handler per use case.
        services.AddScoped<Features.Admin.Teams.CreateTeam>();
        services.AddScoped<Features.Admin.Teams.RenameTeam>();
        services.AddScoped<Features.Admin.Users.CreateStaffUser>();
        services.AddScoped<Features.Admin.Users.ChangeStaffRoleAndTeam>();
        services.AddScoped<Features.Admin.Users.DisableStaffUser>();
        services.AddScoped<Features.Admin.Users.EnableStaffUser>();
        services.AddScoped<Features.Admin.Users.ResetStaffTwoFactor>();
        // Account: one handler per use case (Identity's sign-in and two-factor flows stay on UserManager/SignInManager).
        services.AddScoped<Features.Account.CreateApiToken>();
        services.AddScoped<Features.Account.RevokeApiToken>();
        // Assessments, Screening, Instruments, BreakGlass (issue 17)
        services.AddScoped<Features.Assessments.Create.CreateAssessment>();
        services.AddScoped<Features.Assessments.Section.UpdateAssessmentSection>();
        services.AddScoped<Features.Assessments.Detail.SubmitAssessment>();
        services.AddScoped<Features.Assessments.Detail.CountersignAssessment>();
        services.AddScoped<Features.Assessments.Detail.ReturnAssessment>();
        services.AddScoped<Features.Assessments.Detail.StartNewAssessmentVersion>();
        services.AddScoped<Features.Assessments.Ogrs3Page.RecordOgrs3Score>();
        services.AddScoped<Features.Screening.Start.StartScreening>();
        services.AddScoped<Features.Screening.Fill.SaveScreeningDraft>();
        services.AddScoped<Features.Screening.Fill.CompleteScreening>();
        services.AddScoped<Features.Instruments.Manage.PublishInstrumentDefinition>();
        services.AddScoped<Features.Instruments.ConfigureWomen.ConfigureWomensOpdScreen>();
        services.AddScoped<Features.BreakGlass.Request.OpenCaseInEmergency>();
        services.AddScoped<Features.BreakGlass.Review.ReviewEmergencyAccess>();
        services.AddScoped<Features.CarePlans.CarePlanAccess>();
        services.AddScoped<Features.Coordination.CoordinationGroup>();
        services.AddOptions<Features.Signposting.SignpostingOptions>().Bind(config.GetSection(Features.Signposting.SignpostingOptions.Section));
        // Compliance/Recall, Compliance/Rules, Referrals, Consultations (issue 17: one handler per use case)
        services.AddScoped<Features.Compliance.Recall.Start.StartRecallConsideration>();
        services.AddScoped<Features.Compliance.Recall.Steps.RecordRecallCircumstances>();
        services.AddScoped<Features.Compliance.Recall.Steps.RecordAlternativesToRecall>();
        services.AddScoped<Features.Compliance.Recall.Steps.RecordRecallAdvice>();
        services.AddScoped<Features.Compliance.Recall.Steps.RecordConsultationNotPossible>();
        services.AddScoped<Features.Compliance.Recall.Steps.SubmitForRecallDecision>();
        services.AddScoped<Features.Compliance.Recall.Decision.DecideRecall>();
        services.AddScoped<Features.Compliance.Recall.Decision.CountersignRecallDecision>();
        services.AddScoped<Features.Compliance.Recall.Record.RecordRecallOnLicence>();
        services.AddScoped<Features.Compliance.Recall.Record.ReReleaseAfterRecall>();
        services.AddScoped<Features.Referrals.Create.MakeReferral>();
        services.AddScoped<Features.Referrals.Allocate.AllocateReferral>();
        services.AddScoped<Features.Referrals.MoveStage.MoveReferralStage>();
        services.AddScoped<Features.Consultations.Record.RecordConsultation>();
        services.AddScoped<Features.Consultations.Edit.UpdateConsultation>();
        services.AddScoped<Features.Consultations.Detail.CompleteConsultationAction>();
        services.AddScoped<Features.Compliance.Rules.SaveEarlyWarningRules>();
        services.AddScoped<Features.Compliance.Rules.ConfirmEarlyWarningRules>();
        // end Compliance/Recall, Compliance/Rules, Referrals, Consultations
        services.AddOptions<Features.Compliance.Recall.RecallOptions>().Bind(config.GetSection(Features.Compliance.Recall.RecallOptions.Section));
        // CarePlans: one handler per use case (issue 17).
        services.AddScoped<Features.CarePlans.DraftRows>();
        services.AddScoped<Features.CarePlans.IFormulationSource, Features.CarePlans.LatestLockedFormulation>();
        services.AddScoped<Features.CarePlans.Index.StartCarePlanVersion>();
        services.AddScoped<Features.CarePlans.Section.SaveCarePlanSection>();
        services.AddScoped<Features.CarePlans.Version.SignCarePlan>();
        services.AddScoped<Features.CarePlans.Version.CountersignCarePlan>();
        services.AddScoped<Features.CarePlans.Goals.AddGoal>();
        services.AddScoped<Features.CarePlans.Goals.ChangeGoal>();
        services.AddScoped<Features.CarePlans.Goals.ChangeGoalStatus>();
        services.AddScoped<Features.CarePlans.Actions.AddAction>();
        services.AddScoped<Features.CarePlans.Actions.ChangeAction>();
        services.AddScoped<Features.CarePlans.Actions.RemoveAction>();
        // Incidents: one handler per use case (issue 17).
        services.AddScoped<Features.Incidents.Record.RecordIncident>();
        services.AddScoped<Features.Incidents.ChainAnalysis.ChainAnalysisRecord>();
        services.AddScoped<Features.Incidents.ChainAnalysis.StartChainAnalysis>();
        services.AddScoped<Features.Incidents.ChainAnalysis.SaveChainAnalysis>();
        services.AddScoped<Features.Incidents.ChainAnalysis.EditChainLinks>();
        services.AddScoped<Features.Incidents.ChainAnalysis.CompleteChainAnalysis>();

        services.AddOptions<PathwayAuthOptions>().Bind(config.GetSection(PathwayAuthOptions.Section))
            .Validate(o => o.IdleTimeoutMinutes is > 0 and <= 30, "Authentication:IdleTimeoutMinutes must be between 1 and 30.")
            .Validate(o => o.AbsoluteSessionHours is > 0 and <= 24, "Authentication:AbsoluteSessionHours must be between 1 and 24.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(config.GetSection("Demo"));
        var authOptions = config.GetSection(PathwayAuthOptions.Section).Get<PathwayAuthOptions>() ?? new PathwayAuthOptions();

        services.AddIdentity<StaffUser, StaffRoleRecord>(PathwayIdentity.Apply)
            .AddEntityFrameworkStores<PathwayDbContext>()
            .AddUserStore<PathwayUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PathwayAuthenticatorTokenProvider>(PathwayAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<PathwayClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // The periodic re-check rebuilds the principal from the user record, which does not know how they signed in.
            // Keep the sign-in's authentication-method claims, or everyone is sent to enrol two-factor after five minutes.
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity fresh && !fresh.HasClaim(c => c.Type == PathwayClaims.Amr))
                    fresh.AddClaims(ctx.CurrentPrincipal?.FindAll(PathwayClaims.Amr).Select(c => new System.Security.Claims.Claim(c.Type, c.Value)) ?? []);
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pathway.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(authOptions.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            ServerSideSessions.Configure(o);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "pathway.2fa");
        // Every cookie is Secure whenever the request arrived over HTTPS, including HTTPS seen through a trusted proxy.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        var auth = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokens.Scheme, null);
        if (authOptions.Oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, authOptions.Oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = authOptions.Oidc.Authority;
                o.ClientId = authOptions.Oidc.ClientId;
                o.ClientSecret = authOptions.Oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.Scope.Add("email");
                o.CallbackPath = "/account/sign-in/oidc-callback";
                o.MapInboundClaims = false;
            });
        }
        services.AddSingleton<TwoFactorWaiver>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, SecondFactorHandler>();
        services.AddAuthorization(Policies.Configure);

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            // Adding a directory service is the change page with no service yet.
            o.Conventions.AddPageRoute("/Signposting/Directory/EditService/EditService", "/directory/services/new");
            o.Conventions.AddPageRoute("/Signposting/Directory/EditOrganisation/EditOrganisation", "/directory/organisations/new");
            o.Conventions.AddPageRoute("/Coordination/Members/EditMember", "/coordination-group/members/new");
            o.Conventions.AddPageRoute("/Coordination/Members/EditRepresentative", "/coordination-group/members/{memberId:guid}/representatives/new");
            o.Conventions.AddPageRoute("/Coordination/Meetings/EditMeeting", "/coordination-group/meetings/new");
            o.Conventions.AddPageRoute("/Coordination/Items/EditItem", "/coordination-group/meetings/{meetingId:guid}/items/new");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<Errors.UnmatchedHandlerFilter>();
            o.Filters.Add<UseCases.CurrentCasePageFilter>();
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pathway.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.CreateSchemaReferenceId = SchemaNames.Create;
            o.AddOperationTransformer<Idempotency.IdempotencyKeyTransformer>();
        });
        services.AddHealthChecks().AddDbContextCheck<PathwayDbContext>("database", tags: ["ready"]);
        return builder;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
