using Admin.Infrastructure.Persistence;
using Admin.Web.Controllers;
using Mediator;
using NetArchTest.Rules;

namespace Admin.Web.Tests.Architecture;

/// <summary>
/// Dependencies point inward. Each rule also checks that it selected types, so it cannot pass on
/// nothing; each was seen failing once by adding an offending reference.
/// </summary>
public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Admin.Domain.Common.Entity).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(AdminDbContext).Assembly;
    private static readonly System.Reflection.Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_references_no_framework()
    {
        var types = Types.InAssembly(Domain);
        Assert.NotEmpty(types.GetTypes());

        var result = types.ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "Hangfire", "FluentValidation",
            "Admin.Infrastructure", "Admin.Web").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_web()
    {
        var types = Types.InAssembly(Infrastructure);
        Assert.NotEmpty(types.GetTypes());

        var result = types.ShouldNot().HaveDependencyOnAny("Admin.Web", "Mediator").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Controllers_never_touch_the_database_context()
    {
        var controllers = Types.InAssembly(Web).That().ResideInNamespace("Admin.Web.Controllers").And().Inherit(typeof(Microsoft.AspNetCore.Mvc.ControllerBase));
        Assert.NotEmpty(controllers.GetTypes());

        var result = controllers.ShouldNot().HaveDependencyOn(typeof(AdminDbContext).FullName).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Handlers_are_not_public()
    {
        var handlers = Types.InAssembly(Web).That().ImplementInterface(typeof(ICommandHandler<,>))
            .Or().ImplementInterface(typeof(IQueryHandler<,>));
        Assert.NotEmpty(handlers.GetTypes());

        var result = handlers.ShouldNot().BePublic().GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_gateway_hot_path_uses_no_feature_no_mediator_no_mvc_and_no_database_context()
    {
        var gateway = Types.InAssembly(Web).That().ResideInNamespace("Admin.Web.Gateway");
        Assert.True(gateway.GetTypes().Count() >= 5);

        var result = gateway.ShouldNot().HaveDependencyOnAny(
            "Admin.Web.Features", "Admin.Web.Controllers", "Mediator", "Microsoft.AspNetCore.Mvc", "Microsoft.EntityFrameworkCore",
            typeof(AdminDbContext).FullName).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_gateway_decision_in_the_domain_references_nothing_but_the_domain()
    {
        var rules = Types.InAssembly(Domain).That().ResideInNamespace("Admin.Domain.Gateways");
        Assert.NotEmpty(rules.GetTypes());

        var result = rules.ShouldNot().HaveDependencyOnAny("System.IO", "System.Net.Http", "System.Threading.Tasks.Task").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    private static string Failing(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
