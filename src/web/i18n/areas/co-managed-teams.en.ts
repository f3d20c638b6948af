/** English texts of this area; en.ts spreads them in. Keys start with the area's prefix. */
export const coManagedTeamsEn = {
  'teams.new': 'New team',
  'teams.newTitle': 'A new co-managing team',
  'teams.name': 'Team name',
  'teams.description': 'What the team does',
  'teams.create': 'Create team',
  'teams.cancel': 'Cancel',
  'teams.details': 'Team details',
  'teams.save': 'Save',
  'teams.saved': 'Saved.',
  'teams.members': 'Members',
  'teams.membersHint':
    'Co-managing users only. Members reach the companies granted to the team below, besides their own.',
  'teams.saveMembers': 'Save members',
  'teams.noUsers': 'There are no co-managing users yet: give a contact co-managed access first.',
  'teams.delete': 'Delete team',
  'teams.deleteWhat':
    'Deleting {name} removes the team and its company grants. Its members keep their own grants; whoever reached a company only through this team loses it at their next request. This cannot be undone.',
  'teams.deleteConfirm': 'Delete {name}',
} as const;
