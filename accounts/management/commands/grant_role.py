"""Give an existing account a role from the server, through the same rule as the people screen.

    manage.py grant_role anna@example.nl "Veilig Thuis Utrecht" reporting_point_staff

Roles that open case data or hand out roles (accounts.models.FOUR_EYES_ROLES) become a request
that an admin approves at /account/mensen/. Only the very first platform admin of a new
installation is given directly: there is nobody yet to approve it."""

from django.core.management.base import BaseCommand, CommandError

from accounts import actions
from accounts.models import Organisation, Role, RoleGrant, User


class Command(BaseCommand):
    help = "Give an account a role (roles that open cases wait for an admin's approval)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("organisation", help="The organisation's name.")
        parser.add_argument("role", choices=Role.values)

    def handle(self, email, organisation, role, **options):
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise CommandError(f"no active account with the address {email}")
        org = Organisation.objects.filter(name=organisation, is_active=True).first()
        if org is None:
            raise CommandError(f"no active organisation named {organisation!r}")
        try:
            result = actions.grant_role(user, org, role, actor=None)
        except actions.RoleGrantRefused as refused:
            raise CommandError(refused.message) from None
        if isinstance(result, RoleGrant):
            self.stdout.write(
                f"{role} for {user.email} awaits the approval of an admin at /account/mensen/."
            )
        else:
            self.stdout.write(f"{user.email} has the role {role} at {org.name}.")
