/** English texts of this area; en.ts spreads them in. Keys start with the area's prefix. */
export const coManagedTeamsEn = {
  'coManagedAdmin.teams.new': 'New team',
  'coManagedAdmin.teams.newTitle': 'A new co-managing team',
  'coManagedAdmin.teams.name': 'Team name',
  'coManagedAdmin.teams.nameTaken': 'Another team already has this name.',
  'coManagedAdmin.teams.description': 'What the team does',
  'coManagedAdmin.teams.create': 'Create team',
  'coManagedAdmin.teams.cancel': 'Cancel',
  'coManagedAdmin.teams.details': 'Team details',
  'coManagedAdmin.teams.save': 'Save',
  'coManagedAdmin.teams.saved': 'Saved.',
  'coManagedAdmin.teams.members': 'Members',
  'coManagedAdmin.teams.membersHint':
    'Co-managing users only. Members reach the companies granted to the team below, besides their own.',
  'coManagedAdmin.teams.saveMembers': 'Save members',
  'coManagedAdmin.teams.noUsers':
    'There are no co-managing users yet: give a contact co-managed access first.',
  'coManagedAdmin.teams.delete': 'Delete team',
  'coManagedAdmin.teams.deleteWhat':
    'Deleting {name} removes the team and its company grants. Its members keep their own grants; whoever reached a company only through this team loses it at their next request. This cannot be undone.',
  'coManagedAdmin.teams.deleteConfirm': 'Delete {name}',
} as const;
