/** 记录问题…: a problem recorded by hand for one project of the year's list. */
import { useEffect, useState } from 'react';
import { PROBLEM_TYPES, type ProblemRow } from '../../../../shared/problems';
import { rowsFromTable, type ProjectRow } from '../../../../shared/domain';
import { call, messageOf } from '../../api';
import { FormDialog } from '../../ui/dialogs';
import { findByName, ProjectNameField } from '../../ui/project-name-field';

export function AddProblemDialog(props: { year: number; onCancel: () => void; onAdded: (row: ProblemRow) => void }) {
  const [projects, setProjects] = useState<ProjectRow[]>([]);
  const [projectName, setProjectName] = useState('');
  const [type, setType] = useState('其他');
  const [description, setDescription] = useState('');
  const [department, setDepartment] = useState('');
  const [raised, setRaised] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('projects.list', { year: props.year }).then((t) => setProjects(rowsFromTable(t)), (err) => setError(messageOf(err)));
  }, [props.year]);
  const submit = async () => {
    const project = findByName(projects, projectName, props.year);
    if (typeof project === 'string') return setError(project);
    try {
      props.onAdded(await call('problems.add', { projectId: project.projectId, year: props.year, type, description, ownerDepartment: department || null, raisedDate: raised || null }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <FormDialog
      title="记录问题"
      okLabel="记录"
      okDisabled={!projectName.trim() || !description.trim()}
      onOk={() => void submit()}
      onCancel={props.onCancel}
      error={error}
      testId="add-problem"
    >
      <div className="form-grid">
        <ProjectNameField listId="problem-projects" value={projectName} onChange={setProjectName} projects={projects} />
        <label>
          问题类型
          <select value={type} onChange={(e) => setType(e.target.value)} aria-label="问题类型">
            {Object.values(PROBLEM_TYPES).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          问题描述
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} aria-label="问题描述" />
        </label>
        <label>
          责任部门
          <input value={department} onChange={(e) => setDepartment(e.target.value)} aria-label="责任部门" />
        </label>
        <label>
          提出日期
          <input value={raised} placeholder="留空为今天" onChange={(e) => setRaised(e.target.value)} aria-label="提出日期" />
        </label>
      </div>
    </FormDialog>
  );
}
