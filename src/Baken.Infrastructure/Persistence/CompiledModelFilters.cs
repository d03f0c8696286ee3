using System.Linq.Expressions;
using Baken.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Baken.Infrastructure.Persistence;

/// <summary>
/// Puts <see cref="BakenDbContext"/>'s query filters into a compiled model. EF Core does not generate query filters into a
/// compiled model (dotnet/efcore#24897), so the model is generated without them and each provider's compiled model calls this
/// from its Customize hook: the same filter expressions the context declares, with their Set&lt;T&gt;() reads turned into
/// query roots as EF Core's own QueryFilterRewritingConvention does when it builds a model. CompiledModelTests compares the
/// result with a freshly built model, filter by filter.
/// </summary>
public static class CompiledModelFilters
{
#pragma warning disable EF1001 // The runtime model's annotation types live in EF Core's internal namespace.
    public static void Attach(RuntimeModel model)
    {
        // The filters read the user through the context they were declared in; EF Core replaces that context with the
        // querying one, exactly as for the context that builds a model in OnModelCreating.
        var declaring = new BakenDbContext(new DbContextOptions<BakenDbContext>(), FixedUser.System, TimeProvider.System);
        foreach (var (type, filter) in declaring.QueryFilters())
        {
            var entityType = (RuntimeEntityType?)((IModel)model).FindEntityType(type)
                             ?? throw new InvalidOperationException($"The compiled model has no entity type {type.Name}; run tools/regenerate-migrations.sh.");
            var rewritten = (LambdaExpression)SetAccess.Rewrite(model, filter);
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null!, rewritten)]));
        }
    }

    /// <summary>Reaches EF Core's own rewriter (a protected nested type of the convention); never instantiated.</summary>
    private abstract class SetAccess : QueryFilterRewritingConvention
    {
        private SetAccess() : base(null!) { }

        public static Expression Rewrite(IReadOnlyModel model, Expression filter) =>
            new DbSetAccessRewritingExpressionVisitor(typeof(BakenDbContext)).Rewrite(model, filter);
    }
#pragma warning restore EF1001
}
