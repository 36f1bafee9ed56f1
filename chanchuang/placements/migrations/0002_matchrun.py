"""Selection rounds keep their inputs, seed and result in a core matching run (one model for
every use of the kernel); rounds already matched move theirs over, with every student's
outcome and reasons."""

import django.db.models.deletion
from django.db import migrations, models

from chanchuang import matching


def move_runs_out(apps, schema_editor):
    SelectionRound = apps.get_model("placements", "SelectionRound")
    MatchRun = apps.get_model("core", "MatchRun")
    MatchOutcome = apps.get_model("core", "MatchOutcome")
    for selection in SelectionRound.objects.exclude(instance=None).select_related("plan"):
        instance_data = {k: v for k, v in selection.instance.items() if k != "seed"}
        done = selection.result is not None
        run = MatchRun.objects.create(
            school_id=selection.plan.school_id, purpose="placements.round",
            status="done" if done else "failed", seed=selection.seed or 0,
            instance=instance_data, result=selection.result, finished_at=selection.run_at,
            published_at=selection.published_at)
        selection.run = run
        selection.save(update_fields=["run"])
        if not done:
            continue
        instance = matching.Instance.from_dict(instance_data)
        result = matching.Result.from_dict(selection.result)
        MatchOutcome.objects.bulk_create([
            MatchOutcome(run=run, participant=participant, assigned=assigned,
                         reasons=[{"position": r.position, "choice": r.choice_number,
                                   "reason": r.reason, "cutoff_rank": r.cutoff_rank,
                                   "your_rank": r.student_rank}
                                  for r in matching.explain(instance, result, participant)])
            for participant, assigned in selection.result["assignment"].items()])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_matchrun"),
        ("placements", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="selectionround",
            name="run",
            field=models.ForeignKey(blank=True, editable=False, help_text="The latest run of the match: frozen inputs, lottery seed and result.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.matchrun", verbose_name="matching run"),
        ),
        migrations.RunPython(move_runs_out, migrations.RunPython.noop),
        migrations.RemoveField(model_name="selectionround", name="instance"),
        migrations.RemoveField(model_name="selectionround", name="result"),
        migrations.RemoveField(model_name="selectionround", name="run_at"),
        migrations.RemoveField(model_name="selectionround", name="seed"),
    ]
