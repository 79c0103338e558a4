import { directoryProblems, type Directory } from '../../bot/domain/directory';
import { directory as seeded } from '../../dev/roles';

describe('directory', () => {
  it('R1: the seeded directory names a communicator for each department and the communications chief', () => {
    expect(directoryProblems(seeded)).toEqual([]);
  });

  it('R1: reports a department whose communicator, or a chief, is missing', () => {
    const broken: Directory = {
      departments: [{ id: 'skola', name: 'Utbildningsförvaltningen', communicatorAadObjectId: 'nobody' }],
      people: [{ aadObjectId: 'a', name: 'Ada', email: 'ada@x', departmentId: 'okänd', title: 'Lärare' }],
      communicationsChiefAadObjectId: 'ghost',
    };

    expect(directoryProblems(broken)).toEqual([
      'the communications chief is not in the directory',
      'the communicator of skola is not in the directory',
      'Ada belongs to unknown department okänd',
    ]);
  });
});
